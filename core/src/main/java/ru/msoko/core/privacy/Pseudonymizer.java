package ru.msoko.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns whatever identifies a participant in an incoming file (a code, a document number or a full
 * name) into a pseudonymous key: HMAC-SHA-256 with a per-installation secret, truncated to 96 bits.
 * Without the secret, which never enters the database, the key cannot be linked back to the person;
 * with it, the same person gets the same key in every file and year.
 */
public final class Pseudonymizer {

    /** 96 bits: collisions are negligible (about 1e-17 for a million participants). */
    private static final int KEY_BYTES = 12;
    private static final String ALGORITHM = "HmacSHA256";

    private final ThreadLocal<Mac> mac;

    public Pseudonymizer(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("secret must have at least 16 bytes");
        }
        byte[] copy = secret.clone();
        this.mac = ThreadLocal.withInitial(() -> newMac(copy));
    }

    private static Mac newMac(byte[] secret) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(new SecretKeySpec(secret, ALGORITHM));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /**
     * Case, «ё» and runs of spaces are ignored so that «Иванов  Пётр» and «ИВАНОВ ПЕТР» give one key.
     */
    public String key(String identity) {
        String normalised = normalise(identity);
        byte[] digest = mac.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, KEY_BYTES);
    }

    /** Trim, single spaces, lower case, «ё» as «е» (without regular expressions: this runs once per row). */
    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            c = Character.toLowerCase(c);
            sb.append(c == 'ё' ? 'е' : c);
        }
        return sb.toString();
    }
}

package ru.msoko.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the audit log. {@code hash} is SHA-256 over {@code prevHash} and every other field ({@link #content}),
 * so a changed, removed or inserted row breaks the chain from there on ({@link AuditLog#verify}).
 *
 * @param username a login, an attempted login, or {@code cli:<os user>}
 * @param role the role of a signed-in user; {@code null} for the command line and failed logins
 * @param municipalityId the territory the event belongs to (scopes who may read it): the acting user's
 * @param schoolId the school the event concerns, or the acting school user's
 */
public record AuditEvent(long id, Instant at, String username, String role, String clientAddress, Action action,
                         String objectType, String objectId, Long municipalityId, Long schoolId, String details,
                         Outcome outcome, String prevHash, String hash) {

    /** The hash of the row before the first. */
    public static final String GENESIS = "0".repeat(64);

    /** Every field but the hash, each length-prefixed (so no two different rows give the same text). */
    String content() {
        StringBuilder b = new StringBuilder();
        for (Object v : new Object[] {id, at.toEpochMilli(), username, role, clientAddress, action.name(), objectType,
                objectId, municipalityId, schoolId, details, outcome.name(), prevHash}) {
            if (v == null) {
                b.append("-;");
            } else {
                String s = v.toString();
                b.append(s.length()).append(':').append(s).append(';');
            }
        }
        return b.toString();
    }

    String computeHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(content().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new event with its place in the chain. */
    AuditEvent chained(long newId, String previous) {
        AuditEvent e = new AuditEvent(newId, at, username, role, clientAddress, action, objectType, objectId,
                municipalityId, schoolId, details, outcome, previous, null);
        return new AuditEvent(newId, at, username, role, clientAddress, action, objectType, objectId, municipalityId,
                schoolId, details, outcome, previous, e.computeHash());
    }
}

package ru.msoko.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens: created and revoked by their owner, stored only as SHA-256 (V24). The token page records
 * each creation and revocation in the audit log.
 */
@Repository
public class ApiTokenRepository {

    /** Tokens start with this, so that a leaked one is recognisable in a log or a repository. */
    static final String PREFIX = "msk_";

    private static final SecureRandom RANDOM = new SecureRandom();

    public record Token(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token: its number, and the text that exists outside the caller's hands only this once. */
    public record Created(long id, String token) {
    }

    public Created create(MsokoUser owner, String name) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (user_id, name, token_hash, created_at) values (:user, :name, :hash, :at)""")
                .param("user", owner.id()).param("name", name).param("hash", sha256(token)).param("at", now())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        return new Created(id, token);
    }

    /** Revokes one of the owner's own tokens; false when there is no such active token of theirs. */
    public boolean revoke(MsokoUser owner, long id) {
        boolean done = jdbc.sql("""
                update api_token set revoked_at = :at where id = :id and user_id = :user and revoked_at is null""")
                .param("at", now()).param("id", id).param("user", owner.id()).update() == 1;
        return done;
    }

    public List<Token> of(MsokoUser owner) {
        return jdbc.sql("""
                select id, name, created_at, last_used_at, revoked_at from api_token where user_id = :user
                order by id desc""").param("user", owner.id())
                .query((rs, n) -> new Token(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** The login of an active token's owner, noting the use. */
    Optional<String> owner(String token) {
        String hash = sha256(token);
        Optional<String> login = jdbc.sql("""
                select u.username from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = :hash and t.revoked_at is null""").param("hash", hash)
                .query(String.class).optional();
        login.ifPresent(l -> jdbc.sql("update api_token set last_used_at = :at where token_hash = :hash")
                .param("at", now()).param("hash", hash).update());
        return login;
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }
}

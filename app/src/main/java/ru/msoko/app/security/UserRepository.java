package ru.msoko.app.security;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** Users of the installation; passwords are stored only as bcrypt hashes. */
@Repository
public class UserRepository implements UserDetailsService {

    private static final String SELECT = """
            select u.id, u.username, u.password_hash, u.full_name, u.role,
                   coalesce(u.municipality_id, s.municipality_id), u.school_id, u.enabled
            from app_user u left join school s on s.id = u.school_id""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MsokoUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<MsokoUser> find(String username) {
        return jdbc.sql(SELECT + " where u.username = :username").param("username", username)
                .query((rs, n) -> new MsokoUser(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Role.valueOf(rs.getString(5)), (Long) rs.getObject(6, Long.class),
                        (Long) rs.getObject(7, Long.class), rs.getBoolean(8)))
                .optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single() == 0;
    }

    /** Creates a user; the password must already be hashed. */
    public void create(String username, String passwordHash, String fullName, Role role, Long municipalityId,
                       Long schoolId) {
        jdbc.sql("""
                insert into app_user (username, password_hash, full_name, role, municipality_id, school_id)
                values (:username, :hash, :fullName, :role, :mun, :school)""")
                .param("username", username).param("hash", passwordHash).param("fullName", fullName)
                .param("role", role.name()).param("mun", municipalityId).param("school", schoolId).update();
    }
}

package ru.msoko.app.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.audit.Outcome;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Permission;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.Territory;
import ru.msoko.app.security.UserRepository;

/**
 * User management inside the manager's territory (permission MANAGE_USERS): list, create, disable/enable, unlock,
 * reset the password. A manager never grants a role above its own ({@link #mayGrant}) and never reaches outside
 * its territory: a municipality administrator sees and manages only the accounts of its municipality and its
 * schools. Used by the pages under /admin/users and by {@code msoko users} (as the region, with no manager).
 */
@Service
public class UserAdmin {

    /** A user as the management page lists it. */
    public record UserRow(long id, String username, String fullName, Role role, Long municipalityId, Long schoolId,
                          String municipalityName, String schoolName, boolean enabled, Instant lockedUntil,
                          AccountRepository.AuthSource authSource) {

        public String territory() {
            return schoolName != null ? schoolName : municipalityName != null ? municipalityName : "весь регион";
        }

        public boolean ldap() {
            return authSource == AccountRepository.AuthSource.LDAP;
        }
    }

    /** Where a new account works: the region (no ids), a municipality, or a school (with its municipality). */
    public record Place(Long municipalityId, Long schoolId) {

        public static final Place REGION = new Place(null, null);

        public Territory level() {
            return schoolId != null ? Territory.SCHOOL : municipalityId != null ? Territory.MUNICIPALITY : Territory.REGION;
        }

        /** The form value: {@code region}, {@code m:<id>} or {@code s:<id>}. */
        public String key() {
            return schoolId != null ? "s:" + schoolId : municipalityId != null ? "m:" + municipalityId : "region";
        }
    }

    /** A choice of territory for the form. */
    public record PlaceOption(String key, String title, boolean school) {
    }

    /** What a new account is. */
    public record NewUser(String username, String fullName, Role role, String placeKey, boolean ldap, String password) {
    }

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");
    private static final String SELECT = """
            select u.id, u.username, u.full_name, u.role, coalesce(u.municipality_id, s.municipality_id),
                   u.school_id, m.name, s.name, u.enabled, u.locked_until, u.auth_source
            from app_user u left join school s on s.id = u.school_id
                 left join municipality m on m.id = coalesce(u.municipality_id, s.municipality_id)""";
    private static final String IN_TERRITORY = " (:all = true or coalesce(u.municipality_id, s.municipality_id) = :mun) ";

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AccountRepository accounts;
    private final LoginAttempts attempts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Auditor auditor;

    UserAdmin(JdbcClient jdbc, UserRepository users, AccountRepository accounts, LoginAttempts attempts,
              PasswordPolicy policy, PasswordEncoder encoder, ObjectProvider<Clock> clock, Auditor auditor) {
        this.auditor = auditor;
        this.jdbc = jdbc;
        this.users = users;
        this.accounts = accounts;
        this.attempts = attempts;
        this.policy = policy;
        this.encoder = encoder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * A role is not above the manager's when its permissions are among the manager's and it can work at the
     * manager's territory level or a narrower one (a municipality administrator cannot make an auditor, whose
     * territory is the whole region).
     */
    public static boolean mayGrant(MsokoUser manager, Role role) {
        Territory level = manager.scope().level();
        return manager.can(Permission.MANAGE_USERS) && manager.role().permissions().containsAll(role.permissions())
                && role.levels().stream().anyMatch(l -> l.ordinal() >= level.ordinal());
    }

    public List<Role> grantableRoles(MsokoUser manager) {
        return Arrays.stream(Role.values()).filter(r -> mayGrant(manager, r)).toList();
    }

    /** The accounts of the manager's territory, by login. */
    public List<UserRow> list(MsokoUser manager) {
        return jdbc.sql(SELECT + " where" + IN_TERRITORY + "order by u.username")
                .param("all", manager.scope().isRegion()).param("mun", manager.scope().municipalityId())
                .query((rs, n) -> new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Role.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getObject(6, Long.class),
                        rs.getString(7), rs.getString(8), rs.getBoolean(9),
                        Optional.ofNullable(rs.getObject(10, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .filter(t -> t.isAfter(clock.instant())).orElse(null),
                        AccountRepository.AuthSource.valueOf(rs.getString(11))))
                .list();
    }

    /** The territories the manager may give a new account: the region (region managers), its municipalities, schools. */
    public List<PlaceOption> places(MsokoUser manager) {
        boolean region = manager.scope().isRegion();
        List<PlaceOption> out = new java.util.ArrayList<>();
        if (region) {
            out.add(new PlaceOption(Place.REGION.key(), "весь регион", false));
        }
        jdbc.sql("select id, name from municipality where :all = true or id = :mun order by name")
                .param("all", region).param("mun", manager.scope().municipalityId())
                .query((rs, n) -> new PlaceOption("m:" + rs.getLong(1), rs.getString(2), false)).list().forEach(out::add);
        jdbc.sql("""
                        select s.id, s.name, s.code from school s join municipality m on m.id = s.municipality_id
                        where :all = true or s.municipality_id = :mun order by m.name, s.name""")
                .param("all", region).param("mun", manager.scope().municipalityId())
                .query((rs, n) -> new PlaceOption("s:" + rs.getLong(1), rs.getString(2) + " (" + rs.getString(3) + ")",
                        true)).list().forEach(out::add);
        return out;
    }

    /** Creates an account; the password (not needed for LDAP accounts) must pass the policy. */
    @Transactional
    public void create(MsokoUser manager, NewUser u) {
        String username = u.username() == null ? "" : u.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new UserAdminException("Имя пользователя: от 2 до 100 латинских букв, цифр и знаков . _ @ -");
        }
        if (users.find(username).isPresent()) {
            throw new UserAdminException("Пользователь «" + username + "» уже есть.");
        }
        if (u.fullName() == null || u.fullName().isBlank()) {
            throw new UserAdminException("Укажите ФИО или должность пользователя.");
        }
        if (u.role() == null || !mayGrant(manager, u.role())) {
            throw new UserAdminException("Эту роль вы назначить не можете: она выше вашей.");
        }
        Place place = place(manager, u.placeKey());
        if (!u.role().levels().contains(place.level())) {
            throw new UserAdminException("Роль «" + u.role().title() + "» не назначается на уровне «"
                    + place.level().title() + "».");
        }
        String hash;
        if (u.ldap()) {
            hash = encoder.encode(randomSecret()); // never used: the directory checks the password
        } else {
            policy.check(username, u.password());
            hash = encoder.encode(u.password());
        }
        users.create(username, hash, u.fullName().strip(), u.role(), place.municipalityId(), place.schoolId());
        accounts.setPassword(username, hash, clock.instant());
        accounts.setAuthSource(username, u.ldap() ? AccountRepository.AuthSource.LDAP : AccountRepository.AuthSource.LOCAL);
        audit(manager, username, place.schoolId(), "создан пользователь «" + username + "», роль «" + u.role().title()
                + "»" + (u.ldap() ? ", вход через LDAP" : ""));
    }

    /** Every change of an account is in the audit log: who changed whose account, and how (never the password). */
    private void audit(MsokoUser manager, String username, Long schoolId, String details) {
        auditor.record(manager.getUsername(), new Auditor.What(Action.USER_CHANGE, "app_user", username, schoolId,
                details, Outcome.OK));
    }

    public void setEnabled(MsokoUser manager, long userId, boolean enabled) {
        UserRow target = target(manager, userId);
        if (!enabled && target.id() == manager.id()) {
            throw new UserAdminException("Нельзя отключить собственную учётную запись.");
        }
        accounts.setEnabled(target.username(), enabled);
        audit(manager, target.username(), target.schoolId(), (enabled ? "включён" : "отключён") + " пользователь «"
                + target.username() + "»");
    }

    public void unlock(MsokoUser manager, long userId) {
        UserRow target = target(manager, userId);
        attempts.unlock(target.username());
        audit(manager, target.username(), target.schoolId(), "разблокирован вход пользователя «" + target.username() + "»");
    }

    /** Sets a new password (the policy applies) and lifts a lockout. */
    @Transactional
    public void resetPassword(MsokoUser manager, long userId, String password) {
        UserRow target = target(manager, userId);
        if (target.ldap()) {
            throw new UserAdminException("Пароль этого пользователя проверяет каталог LDAP; меняйте его там.");
        }
        policy.check(target.username(), password);
        accounts.setPassword(target.username(), encoder.encode(password), clock.instant());
        attempts.unlock(target.username());
        audit(manager, target.username(), target.schoolId(), "задан новый пароль пользователя «" + target.username() + "»");
    }

    /** An account the manager may change: inside its territory and with a role not above its own. */
    UserRow target(MsokoUser manager, long userId) {
        UserRow row = list(manager).stream().filter(r -> r.id() == userId).findFirst()
                .orElseThrow(() -> new UserAdminException("Такого пользователя на вашей территории нет."));
        if (!mayGrant(manager, row.role())) {
            throw new UserAdminException("Роль этого пользователя выше вашей.");
        }
        return row;
    }

    /** The form key of a territory given by codes, as the command line takes it; empty codes mean the region. */
    public String placeKey(String municipalityCode, String schoolCode) {
        if (schoolCode != null && !schoolCode.isBlank()) {
            return jdbc.sql("select id from school where code = :c").param("c", schoolCode.strip()).query(Long.class)
                    .optional().map(id -> "s:" + id)
                    .orElseThrow(() -> new UserAdminException("Школы с кодом «" + schoolCode + "» нет в справочнике."));
        }
        if (municipalityCode != null && !municipalityCode.isBlank()) {
            return jdbc.sql("select id from municipality where code = :c").param("c", municipalityCode.strip())
                    .query(Long.class).optional().map(id -> "m:" + id)
                    .orElseThrow(() -> new UserAdminException("Муниципалитета с кодом «" + municipalityCode
                            + "» нет в справочнике."));
        }
        return Place.REGION.key();
    }

    /** The installation's own administrator, as whom {@code msoko users} acts (whoever can run it owns the data). */
    public static MsokoUser commandLine() {
        return new MsokoUser(-1, "cli", "", "командная строка", Role.REGION_ADMIN, null, null, true);
    }

    /** The id of an account by login (for the command line). */
    public long idOf(String username) {
        return users.find(username).map(MsokoUser::id)
                .orElseThrow(() -> new UserAdminException("Пользователя «" + username + "» нет."));
    }

    private Place place(MsokoUser manager, String key) {
        Place place = parse(key);
        if (manager.scope().isRegion()) {
            return place;
        }
        if (place.municipalityId() == null || place.municipalityId() != manager.scope().municipalityId()) {
            throw new UserAdminException("Можно создавать пользователей только своего муниципалитета и его школ.");
        }
        return place;
    }

    private Place parse(String key) {
        String k = key == null ? "" : key.strip();
        try {
            if (k.equals("region")) {
                return Place.REGION;
            }
            if (k.startsWith("m:")) {
                long id = Long.parseLong(k.substring(2));
                return jdbc.sql("select id from municipality where id = :id").param("id", id).query(Long.class)
                        .optional().map(m -> new Place(m, null)).orElseThrow(this::noPlace);
            }
            if (k.startsWith("s:")) {
                long id = Long.parseLong(k.substring(2));
                return jdbc.sql("select municipality_id from school where id = :id").param("id", id)
                        .query(Long.class).optional().map(m -> new Place(m, id)).orElseThrow(this::noPlace);
            }
        } catch (NumberFormatException e) {
            throw noPlace();
        }
        throw noPlace();
    }

    private UserAdminException noPlace() {
        return new UserAdminException("Выберите территорию пользователя из списка.");
    }

    private static String randomSecret() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

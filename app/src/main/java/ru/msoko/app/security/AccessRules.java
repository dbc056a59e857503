package ru.msoko.app.security;

import static ru.msoko.app.security.Permission.ANALYZE;
import static ru.msoko.app.security.Permission.AUDIT;
import static ru.msoko.app.security.Permission.IMPORT;
import static ru.msoko.app.security.Permission.MANAGE_USERS;
import static ru.msoko.app.security.Permission.PUPIL_DATA;
import static ru.msoko.app.security.Permission.SETTINGS;
import static ru.msoko.app.security.Permission.VIEW;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of who may call what: (HTTP method, URL pattern) → the permissions a request needs, all of them.
 * {@link SecurityConfig} turns it into Spring Security's request rules in this order (the first match wins), so
 * a narrower pattern stands above a wider one. Controllers carry no guards of their own; what a permitted user
 * then sees is limited by their {@link Scope}, bound into every query.
 *
 * <p>Some patterns are planned pages that do not exist yet (user management, the audit log, settings): they are
 * guarded here already so that the page is protected the moment it is added. A request that matches no rule
 * needs {@link Permission#VIEW} (every role has it); the role × endpoint test requires an explicit rule for every
 * handler, so a new page cannot slip through on that fallback.
 */
public final class AccessRules {

    /** One row of the table; {@code method} null means any method. */
    public record Rule(HttpMethod method, String pattern, Set<Permission> permissions) {

        public String[] authorities() {
            return permissions.stream().map(Permission::authority).toArray(String[]::new);
        }

        public boolean matches(HttpMethod m, String path) {
            return (method == null || method.equals(m)) && PARSER.parse(pattern).matches(PathContainer.parsePath(path));
        }
    }

    /** Pages anyone may open, signed in or not. */
    public static final List<String> PUBLIC = List.of("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
            "/favicon.svg", "/error");

    /** What a request matching no rule needs. */
    public static final Permission FALLBACK = VIEW;

    public static final List<Rule> RULES = List.of(
            // imports: upload, rollback and the log itself; the rejected rows also need pupil-level access
            rule(HttpMethod.GET, "/imports/rejections/**", IMPORT, PUPIL_DATA),
            rule(null, "/imports/**", IMPORT),
            // analysis
            rule(HttpMethod.POST, "/risk/run", ANALYZE),
            rule(HttpMethod.GET, "/risk", VIEW),
            rule(HttpMethod.GET, "/risk/grid", VIEW),
            rule(HttpMethod.GET, "/compare", VIEW),
            // user management (planned), the audit log with its exports, installation settings (planned)
            rule(null, "/admin/users/**", MANAGE_USERS),
            rule(null, "/audit/**", AUDIT),
            rule(HttpMethod.GET, "/audit.csv", AUDIT),
            rule(HttpMethod.GET, "/audit.xlsx", AUDIT),
            rule(null, "/admin/**", SETTINGS),
            rule(null, "/settings/**", SETTINGS),
            // reading pages and the JSON API of one's territory
            rule(HttpMethod.GET, "/", VIEW),
            rule(HttpMethod.GET, "/dashboard/**", VIEW),
            rule(HttpMethod.GET, "/schools/**", VIEW),
            rule(HttpMethod.GET, "/search", VIEW),
            rule(HttpMethod.GET, "/directions/**", VIEW),
            // background jobs (uploads, analysis runs): every reader sees the jobs of its territory it may see
            rule(HttpMethod.GET, "/jobs/**", VIEW),
            // one's own API tokens (every role may script what it may read)
            rule(null, "/account/tokens/**", VIEW),
            // the API (issue #7): the same permissions as the pages it mirrors
            rule(HttpMethod.GET, "/api/v1/imports/**", IMPORT),
            rule(HttpMethod.POST, "/api/v1/imports/**", IMPORT),
            rule(HttpMethod.POST, "/api/v1/analysis-runs", ANALYZE),
            rule(HttpMethod.GET, "/api/v1/jobs/**", VIEW),
            rule(HttpMethod.GET, "/api/v1/**", VIEW),
            rule(HttpMethod.GET, "/api/docs.html", VIEW));

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private AccessRules() {
    }

    private static Rule rule(HttpMethod method, String pattern, Permission first, Permission... more) {
        return new Rule(method, pattern, EnumSet.of(first, more));
    }

    /** The first rule matching a request, as Spring Security picks it; empty when only the fallback applies. */
    public static Optional<Rule> find(HttpMethod method, String path) {
        return RULES.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    /** Whether a role may make a request (the permission check only; the data it sees is still scoped). */
    public static boolean allows(Role role, HttpMethod method, String path) {
        if (PUBLIC.stream().anyMatch(p -> PARSER.parse(p).matches(PathContainer.parsePath(path)))) {
            return true;
        }
        return role != null && role.permissions().containsAll(
                find(method, path).map(Rule::permissions).orElse(EnumSet.of(FALLBACK)));
    }
}

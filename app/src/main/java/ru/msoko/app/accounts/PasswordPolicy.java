package ru.msoko.app.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, in the spirit of NIST SP 800-63B §5.1.1.2: long enough (no rules about character
 * classes), not a common password, not the username, not one character repeated. Applied wherever a password is
 * set (user management pages, {@code msoko users}); the demo users are the one exception (their password is
 * printed on start and the demo is never a real installation).
 */
@Component
public class PasswordPolicy {

    static final String COMMON_PASSWORDS = "/accounts/common-passwords.txt";
    private static final Set<String> COMMON = load();

    private final int minLength;

    public PasswordPolicy(@Value("${msoko.security.password-min-length:10}") int minLength) {
        this.minLength = minLength;
    }

    /** Why the password is refused, in Russian; empty when it is acceptable. */
    public List<String> problems(String username, String password) {
        List<String> out = new ArrayList<>();
        String pw = password == null ? "" : password;
        if (pw.codePointCount(0, pw.length()) < minLength) {
            out.add("Пароль короче " + minLength + " символов.");
        }
        String lower = pw.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            out.add("Пароль слишком распространён (есть в списке часто используемых паролей).");
        }
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!user.isEmpty() && lower.contains(user)) {
            out.add("Пароль не должен совпадать с именем пользователя или содержать его.");
        }
        if (!pw.isEmpty() && pw.codePoints().distinct().count() == 1) {
            out.add("Пароль не должен состоять из одного повторяющегося символа.");
        }
        return out;
    }

    /** Throws {@link PasswordRejectedException} with the reasons when the password is refused. */
    public void check(String username, String password) {
        List<String> problems = problems(username, password);
        if (!problems.isEmpty()) {
            throw new PasswordRejectedException(problems);
        }
    }

    public int minLength() {
        return minLength;
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (var in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> out.add(l.strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}

package ru.msoko.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(10);

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problems("ivanova", "синий трамвай 47")).isEmpty();
        assertThat(policy.problems("ivanova", "Kx9-mirt-plov")).isEmpty();
    }

    @Test
    void refusesAShortPasswordCountingCharactersNotBytes() {
        assertThat(policy.problems("ivanova", "Kx9-mirt")).containsExactly("Пароль короче 10 символов.");
        // ten Cyrillic letters are ten characters (twenty UTF-8 bytes): long enough
        assertThat(policy.problems("ivanova", "ёжиктумане")).isEmpty();
        assertThat(new PasswordPolicy(12).problems("ivanova", "ёжиктумане")).containsExactly("Пароль короче 12 символов.");
    }

    @Test
    void refusesCommonPasswordsWhateverTheCase() {
        // each is produced by a pattern of tools/common-passwords.py: word + suffix, keyboard walk, digit run,
        // Russian word typed on the Latin layout, leetspeak
        for (String pw : new String[] {"Password123", "qwertyuiop", "1234567890", "gfhjkm2024", "P@ssw0rd12",
                "Пароль2025", "йцукенгшщз", "1q2w3e4r5t"}) {
            assertThat(policy.problems("ivanova", pw)).as(pw)
                    .contains("Пароль слишком распространён (есть в списке часто используемых паролей).");
        }
    }

    @Test
    void refusesThePasswordContainingTheUsername() {
        assertThat(policy.problems("ivanova", "IVANOVA-2026-x")).containsExactly(
                "Пароль не должен совпадать с именем пользователя или содержать его.");
        assertThat(policy.problems("school17", "school17")).hasSize(2); // short and the username itself
    }

    @Test
    void refusesOneRepeatedCharacter() {
        assertThat(policy.problems("ivanova", "ЖЖЖЖЖЖЖЖЖЖЖЖ")).containsExactly(
                "Пароль не должен состоять из одного повторяющегося символа.");
        assertThat(policy.problems("ivanova", "zzzzzzzzzzzz")).contains(
                "Пароль не должен состоять из одного повторяющегося символа.");
    }

    @Test
    void checkThrowsWithEveryReason() {
        assertThatThrownBy(() -> policy.check("anna", "anna"))
                .isInstanceOf(PasswordRejectedException.class)
                .satisfies(e -> assertThat(((PasswordRejectedException) e).reasons()).hasSize(3)); // short, common, username
    }

    @Test
    void theShippedListHasSeveralThousandEntries() throws IOException {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS)) {
            long entries = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).count();
            assertThat(entries).isBetween(5_000L, 20_000L);
        }
        assertThat(PasswordPolicy.isCommon("QWERTY123")).isTrue();
        assertThat(PasswordPolicy.isCommon("синий трамвай 47")).isFalse();
    }
}

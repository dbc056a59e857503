package ru.msoko.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * Expected values computed independently with Python:
     * {@code hmac.new(b'0123456789abcdef0123456789abcdef', 'иванов петр'.encode(), hashlib.sha256).hexdigest()[:24]}.
     */
    @Test
    void keyIsTruncatedHmacSha256OfTheNormalisedIdentity() {
        Pseudonymizer p = new Pseudonymizer(SECRET);
        assertThat(p.key("иванов петр")).isEqualTo("364084038133a3091d5b26d4");
        assertThat(p.key("40001")).isEqualTo("9c7792f9399ee91d635b2c63");
    }

    @Test
    void caseYoAndSpacesDoNotChangeTheKey() {
        Pseudonymizer p = new Pseudonymizer(SECRET);
        assertThat(p.key("  ИВАНОВ   Пётр ")).isEqualTo(p.key("иванов петр"));
    }

    @Test
    void anotherSecretGivesAnotherKey() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertThat(new Pseudonymizer(other).key("иванов петр")).isNotEqualTo(new Pseudonymizer(SECRET).key("иванов петр"));
    }

    @Test
    void shortSecretIsRefused() {
        assertThatThrownBy(() -> new Pseudonymizer(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}

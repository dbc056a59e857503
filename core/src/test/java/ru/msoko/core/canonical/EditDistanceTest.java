package ru.msoko.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    /** Values checked by hand: one substitution, one deletion, a transposition costs two, the limit cuts off. */
    @Test
    void levenshteinWithinTheLimit() {
        assertThat(EditDistance.bounded("edu221000", "edu221000", 2)).isZero();
        assertThat(EditDistance.bounded("edu221000", "edu221001", 2)).isEqualTo(1);
        assertThat(EditDistance.bounded("edu22100", "edu221000", 2)).isEqualTo(1);
        assertThat(EditDistance.bounded("edu221010", "edu221100", 2)).isEqualTo(2);
        assertThat(EditDistance.bounded("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(EditDistance.bounded("edu999999", "edu221000", 2)).isEqualTo(3);
        assertThat(EditDistance.bounded("a", "abcd", 2)).isEqualTo(3);
    }
}

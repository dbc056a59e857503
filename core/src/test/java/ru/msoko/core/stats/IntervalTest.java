package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void containsItsClosedBoundsAndMeasuresItsWidth() {
        Interval interval = new Interval(0.2, 0.5);
        assertThat(interval.contains(0.2)).isTrue();
        assertThat(interval.contains(0.5)).isTrue();
        assertThat(interval.contains(0.51)).isFalse();
        assertThat(interval.width()).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void unknownBoundsContainNothing() {
        assertThat(new Interval(Double.NaN, Double.NaN).contains(0)).isFalse();
    }

    @Test
    void reversedBoundsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Interval(1, 0)).withMessageContaining("exceeds");
    }
}

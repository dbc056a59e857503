package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalsTest {

    private static final double TOLERANCE = 1e-12;

    /** Absolute tolerance 1e-12 for bounds within [-1, 1], relative beyond. */
    private static void assertInterval(Interval actual, double low, double high) {
        assertThat(actual.low()).as("low").isCloseTo(low, within(TOLERANCE * Math.max(1, Math.abs(low))));
        assertThat(actual.high()).as("high").isCloseTo(high, within(TOLERANCE * Math.max(1, Math.abs(high))));
    }

    // /usr/bin/python3 -c "from statsmodels.stats.proportion import proportion_confint as ci; print([ci(s,n,1-c,method='wilson') for s,n,c in [(7,20,0.95),(0,10,0.95),(10,10,0.9),(1,1,0.95),(123,1000,0.99)]])"  # statsmodels 0.13.5
    @Test
    void wilsonMatchesStatsmodels() {
        assertInterval(Intervals.wilson(7, 20, 0.95), 0.18119182410108206, 0.5671457233147638);
        assertInterval(Intervals.wilson(0, 10, 0.95), 0.0, 0.2775327998628892);
        assertInterval(Intervals.wilson(10, 10, 0.9), 0.7870580299165928, 1.0);
        assertInterval(Intervals.wilson(1, 1, 0.95), 0.20654931437723745, 1.0);
        assertInterval(Intervals.wilson(123, 1000, 0.99), 0.09870483697890284, 0.1522649013582659);
    }

    // /usr/bin/python3 -c "from statsmodels.stats.proportion import proportion_confint as ci; print([ci(s,n,1-c,method='beta') for s,n,c in [(7,20,0.95),(0,10,0.95),(10,10,0.9),(1,1,0.95),(123,1000,0.99)]])"  # statsmodels 0.13.5
    @Test
    void clopperPearsonMatchesStatsmodels() {
        assertInterval(Intervals.clopperPearson(7, 20, 0.95), 0.1539092047845412, 0.5921885345328282);
        assertInterval(Intervals.clopperPearson(0, 10, 0.95), 0.0, 0.3084971078187608);
        assertInterval(Intervals.clopperPearson(10, 10, 0.9), 0.7411344491069477, 1.0);
        assertInterval(Intervals.clopperPearson(1, 1, 0.95), 0.025000000000000022, 1.0);
        assertInterval(Intervals.clopperPearson(123, 1000, 0.99), 0.09760131811891934, 0.15206768281164332);
    }

    @Test
    void proportionIntervalsWithoutObservationsAreTheUnitInterval() {
        assertThat(Intervals.wilson(0, 0, 0.95)).isEqualTo(new Interval(0, 1));
        assertThat(Intervals.clopperPearson(0, 0, 0.95)).isEqualTo(new Interval(0, 1));
    }

    @Test
    void exactIntervalIsWiderThanWilsonAndBothContainTheShare() {
        for (int s = 0; s <= 40; s++) {
            Interval exact = Intervals.clopperPearson(s, 40, 0.95);
            Interval score = Intervals.wilson(s, 40, 0.95);
            assertThat(exact.contains(s / 40.0)).isTrue();
            assertThat(score.contains(s / 40.0)).isTrue();
            assertThat(exact.width()).isGreaterThan(score.width());
        }
    }

    // python3 -c "import numpy as np; from scipy import stats; print([stats.t.interval(c, n-1, loc=m, scale=sd/np.sqrt(n)) for m,sd,n,c in [(52.3,11.2,25,0.95),(-3.0,2.5,2,0.99)]])"  # scipy 1.17.1
    @Test
    void studentTMatchesScipy() {
        assertInterval(Intervals.studentT(52.3, 11.2, 25, 0.95), 47.67686722195322, 56.92313277804677);
        assertInterval(Intervals.studentT(-3.0, 2.5, 2, 0.99), -115.53028336125821, 109.53028336125821);
    }

    @Test
    void studentTWithZeroSpreadIsThePoint() {
        assertThat(Intervals.studentT(0.4, 0, 2, 0.9)).isEqualTo(new Interval(0.4, 0.4));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.wilson(11, 10, 0.95))
                .withMessageContaining("successes");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.wilson(1, 10, 1.0))
                .withMessageContaining("confidence");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.clopperPearson(-1, 10, 0.95));
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.studentT(1, 1, 1, 0.95))
                .withMessageContaining("n must be at least 2");
        assertThatIllegalArgumentException().isThrownBy(() -> Intervals.studentT(1, -1, 5, 0.95));
    }
}

package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class DistributionsTest {

    /** 1e-10 percent: a relative error of 1e-12. */
    private static final double PERCENT = 1e-10;

    // python3 -c "from scipy import stats; print([repr(float(stats.norm.sf(z))) for z in [-3, 0, 1.96, 5, 10, 37]])"  # scipy 1.17.1
    @Test
    void normalUpperTailMatchesScipyDeepIntoTheTail() {
        double[] z = {-3, 0, 1.96, 5, 10, 37};
        double[] expected = {0.9986501019683699, 0.5, 0.024997895148220435, 2.866515718791933e-07,
            7.61985302416047e-24, 5.7255712225239266e-300};
        for (int i = 0; i < z.length; i++) {
            assertThat(Distributions.normalUpperTail(z[i])).as("z=%s", z[i]).isCloseTo(expected[i], withinPercentage(PERCENT));
        }
    }

    // python3 -c "from scipy import stats; print([repr(float(stats.norm.ppf(p))) for p in [1e-300, 1e-20, 1e-5, 0.025, 0.3, 0.975, 0.9999999, 1-1e-12]])"  # scipy 1.17.1
    @Test
    void normalQuantileMatchesScipyFromTinyToAlmostOne() {
        double[] p = {1e-300, 1e-20, 1e-5, 0.025, 0.3, 0.975, 0.9999999, 1 - 1e-12};
        double[] expected = {-37.0470962993612, -9.262340089798409, -4.264890793922825, -1.9599639845400545,
            -0.5244005127080409, 1.959963984540054, 5.199337582290661, 7.0344869100478356};
        for (int i = 0; i < p.length; i++) {
            assertThat(Distributions.normalQuantile(p[i])).as("p=%s", p[i]).isCloseTo(expected[i], withinPercentage(PERCENT));
        }
    }

    @Test
    void normalQuantileIsZeroAtOneHalfAndInfiniteAtTheEnds() {
        assertThat(Distributions.normalQuantile(0.5)).isZero();
        assertThat(Distributions.normalQuantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Distributions.normalQuantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void normalQuantileInvertsTheUpperTail() {
        for (double p = 0.001; p < 1; p += 0.0137) {
            assertThat(Distributions.normalUpperTail(-Distributions.normalQuantile(p))).isCloseTo(p, withinPercentage(1e-11));
        }
    }

    // python3 -c "from scipy import stats; print([repr(float(stats.t.ppf(p,df))) for p,df in [(0.975,7),(0.025,3),(0.995,1),(0.9,120.5)]])"  # scipy 1.17.1
    @Test
    void studentTQuantileMatchesScipy() {
        assertThat(Distributions.studentTQuantile(0.975, 7)).isCloseTo(2.364624251592784, withinPercentage(PERCENT));
        assertThat(Distributions.studentTQuantile(0.025, 3)).isCloseTo(-3.1824463052837086, withinPercentage(PERCENT));
        assertThat(Distributions.studentTQuantile(0.995, 1)).isCloseTo(63.656741162871526, withinPercentage(PERCENT));
        assertThat(Distributions.studentTQuantile(0.9, 120.5)).isCloseTo(1.2886166301421353, withinPercentage(PERCENT));
        assertThat(Distributions.studentTQuantile(0.5, 4)).isCloseTo(0, within(1e-13));
    }

    // python3 -c "from scipy import stats; print([repr(float(stats.t.sf(t,df))) for t,df in [(2.0,5),(-1.5,10),(30,7),(0,3),(8,2.5)]])"  # scipy 1.17.1
    @Test
    void studentTUpperTailMatchesScipy() {
        double[][] cases = {{2.0, 5}, {-1.5, 10}, {30, 7}, {0, 3}, {8, 2.5}};
        double[] expected = {0.050969739414929174, 0.9177463367772799, 5.894234440366572e-09, 0.5,
            0.0038283220655217234};
        for (int i = 0; i < cases.length; i++) {
            assertThat(Distributions.studentTUpperTail(cases[i][0], cases[i][1])).isCloseTo(expected[i], withinPercentage(1e-9));
        }
    }

    // python3 -c "from scipy import stats; print([repr(float(stats.binom.sf(k-1,n,p))) for k,n,p in [(3,10,0.2),(60,100,0.3),(1,1000,0.001),(10,10,0.5),(5,20,0.999)]])"  # scipy 1.17.1
    @Test
    void binomialUpperTailMatchesScipyIncludingTinyTails() {
        assertThat(Distributions.binomialUpperTail(3, 10, 0.2)).isCloseTo(0.32220047360000015, withinPercentage(PERCENT));
        assertThat(Distributions.binomialUpperTail(60, 100, 0.3)).isCloseTo(5.129949815583127e-10, withinPercentage(1e-9));
        assertThat(Distributions.binomialUpperTail(1, 1000, 0.001)).isCloseTo(0.6323045752290359, withinPercentage(PERCENT));
        assertThat(Distributions.binomialUpperTail(10, 10, 0.5)).isCloseTo(0.0009765625, withinPercentage(PERCENT));
        assertThat(Distributions.binomialUpperTail(5, 20, 0.999)).isCloseTo(1.0, withinPercentage(PERCENT));
    }

    // python3 -c "from scipy import stats; print([repr(float(stats.binom.cdf(k,n,p))) for k,n,p in [(2,10,0.2),(5,100,0.3),(9,10,0.5),(0,50,0.01),(15,20,0.999)]])"  # scipy 1.17.1
    @Test
    void binomialLowerTailMatchesScipyIncludingTinyTails() {
        assertThat(Distributions.binomialLowerTail(2, 10, 0.2)).isCloseTo(0.6777995263999999, withinPercentage(PERCENT));
        assertThat(Distributions.binomialLowerTail(5, 100, 0.3)).isCloseTo(3.9929434096461525e-10, withinPercentage(1e-9));
        assertThat(Distributions.binomialLowerTail(9, 10, 0.5)).isCloseTo(0.9990234375, withinPercentage(PERCENT));
        assertThat(Distributions.binomialLowerTail(0, 50, 0.01)).isCloseTo(0.6050060671375366, withinPercentage(PERCENT));
        assertThat(Distributions.binomialLowerTail(15, 20, 0.999)).isCloseTo(1.5311358402784034e-11, withinPercentage(1e-9));
    }

    /** By definition: P(X >= k) is 1 for k <= 0 and 0 for k > n; a degenerate p puts all mass on 0 or n. */
    @Test
    void binomialTailsHandleBoundaryCountsAndDegenerateProbabilities() {
        assertThat(Distributions.binomialUpperTail(0, 10, 0.3)).isEqualTo(1);
        assertThat(Distributions.binomialUpperTail(-2, 0, 0.3)).isEqualTo(1);
        assertThat(Distributions.binomialUpperTail(11, 10, 0.3)).isZero();
        assertThat(Distributions.binomialUpperTail(1, 10, 0)).isZero();
        assertThat(Distributions.binomialUpperTail(10, 10, 1)).isEqualTo(1);
        assertThat(Distributions.binomialLowerTail(-1, 10, 0.3)).isZero();
        assertThat(Distributions.binomialLowerTail(10, 10, 0.3)).isEqualTo(1);
        assertThat(Distributions.binomialLowerTail(0, 10, 0)).isEqualTo(1);
        assertThat(Distributions.binomialLowerTail(9, 10, 1)).isZero();
        assertThat(Distributions.binomialLowerTail(0, 0, 0.5)).isEqualTo(1);
    }

    @Test
    void binomialTailsOfComplementaryEventsSumToOne() {
        for (int k = 0; k <= 30; k++) {
            double sum = Distributions.binomialLowerTail(k - 1, 30, 0.37) + Distributions.binomialUpperTail(k, 30, 0.37);
            assertThat(sum).isCloseTo(1, withinPercentage(1e-11));
        }
    }

    // python3 -c "from scipy import stats; print([repr(float(stats.chi2.sf(x,df))) for x,df in [(3.84,1),(200,10),(0.5,4),(12.3,7.5)]])"  # scipy 1.17.1
    @Test
    void chiSquaredUpperTailMatchesScipy() {
        assertThat(Distributions.chiSquaredUpperTail(3.84, 1)).isCloseTo(0.05004352124870519, withinPercentage(PERCENT));
        assertThat(Distributions.chiSquaredUpperTail(200, 10)).isCloseTo(1.6139305336977317e-37, withinPercentage(1e-9));
        assertThat(Distributions.chiSquaredUpperTail(0.5, 4)).isCloseTo(0.9735009788392561, withinPercentage(PERCENT));
        assertThat(Distributions.chiSquaredUpperTail(12.3, 7.5)).isCloseTo(0.11324170969488803, withinPercentage(PERCENT));
        assertThat(Distributions.chiSquaredUpperTail(0, 3)).isEqualTo(1);
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Distributions.normalQuantile(1.5));
        assertThatIllegalArgumentException().isThrownBy(() -> Distributions.normalQuantile(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> Distributions.normalUpperTail(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> Distributions.studentTQuantile(0.5, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Distributions.studentTUpperTail(1, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> Distributions.binomialUpperTail(1, -1, 0.5));
        assertThatIllegalArgumentException().isThrownBy(() -> Distributions.binomialLowerTail(1, 5, -0.1))
                .withMessageContaining("p must be in [0, 1]");
        assertThatIllegalArgumentException().isThrownBy(() -> Distributions.chiSquaredUpperTail(1, 0));
    }
}

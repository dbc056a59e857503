package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BunchingTest {

    private static final int THRESHOLD = 12;
    private static final int BELOW = 2;
    private static final int ABOVE = 2;
    private static final int DEGREE = 7;
    private static final int REPLICATIONS = 400;

    /*
     * A noisy smooth histogram of 31 scores and the same with 30% of the counts at t−2 and t−1 moved to t and t+1 (t = 12):
     * /usr/bin/python3 -c "import numpy as np; rng=np.random.default_rng(2024); j=np.arange(31);
     *   s=rng.poisson(3000*np.exp(-(j-16)**2/(2*6.5**2))+40); p=s.copy()
     *   for a,b in [(10,12),(11,13)]: m=int(round(0.3*s[a])); p[a]-=m; p[b]+=m
     *   print(s.tolist(), p.tolist())"  # numpy 1.24.2
     */
    private static final long[] SMOOTH = {192, 240, 303, 437, 592, 716, 967, 1158, 1421, 1683, 2043, 2238, 2518, 2811, 2947,
        3000, 3123, 2962, 2986, 2717, 2500, 2232, 2025, 1701, 1418, 1173, 929, 763, 579, 397, 336};
    private static final long[] PLANTED = {192, 240, 303, 437, 592, 716, 967, 1158, 1421, 1683, 1430, 1567, 3131, 3482, 2947,
        3000, 3123, 2962, 2986, 2717, 2500, 2232, 2025, 1701, 1418, 1173, 929, 763, 579, 397, 336};
    /** 613 + 671 pupils moved out of 2043 + 2238 below the threshold. */
    private static final double PLANTED_SHARE = (613.0 + 671.0) / (2043 + 2238);

    /*
     * The literal model, OLS with one dummy per window point, by statsmodels 0.13.5 (/usr/bin/python3):
     * x=j/30.0; cols=[x**p for p in range(8)]+[(j==i).astype(float) for i in range(10,14)]; X=np.column_stack(cols)
     * r=sm.OLS(counts.astype(float),X).fit(); cf=np.column_stack(cols[:8])@r.params[:8]
     * miss=(cf[10:12]-counts[10:12]).sum(); exc=(counts[12:14]-cf[12:14]).sum(); print(miss, exc, miss/cf[10:12].sum(), cf[[0,10,11,12,30]])
     */
    @Test
    void pointEstimateMatchesStatsmodelsOlsWithWindowDummies() {
        Bunching.Estimate estimate = Bunching.estimate(PLANTED, THRESHOLD, BELOW, ABOVE, DEGREE, REPLICATIONS, 1);
        assertThat(estimate.threshold()).isEqualTo(THRESHOLD);
        assertThat(estimate.missingMass()).isCloseTo(1315.6787554655712, within(1e-6));
        assertThat(estimate.excessMass()).isCloseTo(1304.2800150000821, within(1e-6));
        assertThat(estimate.shareManipulated()).isCloseTo(0.30507228339188885, within(1e-9));
        double[] counterfactual = estimate.counterfactual();
        assertThat(counterfactual).hasSize(PLANTED.length);
        assertThat(new double[] {counterfactual[0], counterfactual[10], counterfactual[11], counterfactual[12],
            counterfactual[30]}).containsExactly(new double[] {172.63115770534492, 2016.9055435115288, 2295.7732119540888,
                2548.1833258367333, 307.5700767908129}, within(1e-6));
    }

    @Test
    void aPlantedShiftIsRecoveredWithAnIntervalAroundIt() {
        Bunching.Estimate estimate = Bunching.estimate(PLANTED, THRESHOLD, BELOW, ABOVE, DEGREE, REPLICATIONS, 11);
        assertThat(estimate.shareManipulated()).isCloseTo(PLANTED_SHARE, within(0.02));
        assertThat(estimate.shareInterval().contains(PLANTED_SHARE)).isTrue();
        assertThat(estimate.shareInterval().contains(0)).isFalse();
    }

    /** statsmodels gives share 0.007345493894130158 on the smooth histogram (command above, counts=SMOOTH). */
    @Test
    void aSmoothHistogramShowsNoManipulation() {
        Bunching.Estimate estimate = Bunching.estimate(SMOOTH, THRESHOLD, BELOW, ABOVE, DEGREE, REPLICATIONS, 11);
        assertThat(estimate.shareManipulated()).isCloseTo(0.007345493894130158, within(1e-9));
        assertThat(estimate.shareInterval().contains(0)).isTrue();
    }

    @Test
    void theBootstrapIsReproducibleForASeed() {
        Interval first = Bunching.estimate(PLANTED, THRESHOLD, BELOW, ABOVE, DEGREE, 50, 5).shareInterval();
        Interval second = Bunching.estimate(PLANTED, THRESHOLD, BELOW, ABOVE, DEGREE, 50, 5).shareInterval();
        assertThat(second).isEqualTo(first);
    }

    /** Counts that are exactly a quadratic leave no residuals to resample: the interval collapses onto the estimate 0. */
    @Test
    void anExactPolynomialHistogramHasZeroShareAndADegenerateInterval() {
        long[] counts = new long[21];
        for (int j = 0; j < counts.length; j++) {
            counts[j] = 1000 + 10L * j - (long) j * j;
        }
        Bunching.Estimate estimate = Bunching.estimate(counts, 10, 3, 2, 2, 20, 1);
        assertThat(estimate.shareManipulated()).isCloseTo(0, within(1e-9));
        assertThat(estimate.missingMass()).isCloseTo(0, within(1e-7));
        assertThat(estimate.shareInterval().width()).isCloseTo(0, within(1e-9));
    }

    @Test
    void invalidWindowsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Bunching.estimate(SMOOTH, 1, 2, 2, 3, 10, 1))
                .withMessageContaining("window");
        assertThatIllegalArgumentException().isThrownBy(() -> Bunching.estimate(SMOOTH, 29, 2, 3, 3, 10, 1))
                .withMessageContaining("window");
        assertThatIllegalArgumentException().isThrownBy(() -> Bunching.estimate(new long[] {5, 4, 3, 2, 1}, 2, 1, 1, 3, 10, 1))
                .withMessageContaining("degree 3");
        assertThatIllegalArgumentException().isThrownBy(() -> Bunching.estimate(new long[] {5, -4, 3, 2, 1, 1}, 2, 1, 1, 1, 10, 1))
                .withMessageContaining("negative");
        assertThatIllegalArgumentException().isThrownBy(() -> Bunching.estimate(SMOOTH, 12, 2, 2, 3, 0, 1))
                .withMessageContaining("replications");
    }
}

package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmpiricalBayesTest {

    private static final double[] MEANS = {52.0, 47.5, 60.2, 55.1, 49.9, 58.0};
    private static final double[] VARIANCES = {100.0, 81.0, 120.0, Double.NaN, 90.0, 110.0};
    private static final int[] SIZES = {25, 12, 40, 1, 8, 30};

    /*
     * /usr/bin/python3 (statsmodels 0.13.5; τ² and μ from its DerSimonian-Laird meta-analysis, the shrinkage by numpy):
     * import numpy as np; from statsmodels.stats.meta_analysis import combine_effects
     * m=np.array([52.0,47.5,60.2,55.1,49.9,58.0]); var=np.array([100.0,81.0,120.0,np.nan,90.0,110.0]); n=np.array([25,12,40,1,8,30])
     * pooled=np.nansum((n-1)*np.nan_to_num(var))/np.sum((n-1)[n>=2]); v=np.where(n>=2,var,pooled)/n
     * r=combine_effects(m,v,method_re='dl'); B=r.tau2/(r.tau2+v); mu=r.mean_effect_re
     * print(r.tau2, mu, (mu+B*(m-mu)).tolist(), B.tolist(), np.sqrt(B*v).tolist())
     */
    @Test
    void tauSquaredAndGrandMeanMatchStatsmodelsDerSimonianLaird() {
        assertThat(EmpiricalBayes.tauSquared(MEANS, VARIANCES, SIZES)).isCloseTo(22.71131367365779, within(1e-10));
        assertThat(EmpiricalBayes.grandMean(MEANS, VARIANCES, SIZES)).isCloseTo(53.919169842417524, within(1e-10));
    }

    @Test
    void shrunkMeansMatchTheReference() {
        double[] mean = {52.28739430278342, 48.970721805425136, 59.467151779488724, 54.12561899727745, 51.23138727087194,
            57.43274489865846};
        double[] weight = {0.8502507196437618, 0.7708859803480057, 0.8833198475162468, 0.17483391115500374,
            0.6687407292867442, 0.8609951702382092};
        double[] sd = {1.844180815043646, 2.2811138435748965, 1.6278696331551679, 4.329042143087092, 2.742869520133226,
            1.7767898837154137};
        EmpiricalBayes.Shrunk[] shrunk = EmpiricalBayes.shrink(MEANS, VARIANCES, SIZES);
        for (int s = 0; s < shrunk.length; s++) {
            assertThat(shrunk[s].mean()).as("mean %s", s).isCloseTo(mean[s], within(1e-10));
            assertThat(shrunk[s].weight()).as("weight %s", s).isCloseTo(weight[s], within(1e-12));
            assertThat(shrunk[s].sd()).as("sd %s", s).isCloseTo(sd[s], within(1e-10));
        }
    }

    /*
     * Means closer than sampling noise: statsmodels reports the untruncated moment estimate, here negative, and the grand mean 50.1:
     * /usr/bin/python3 -c "import numpy as np; from statsmodels.stats.meta_analysis import combine_effects as c;
     *   r=c(np.array([50.0,50.5,49.8]), np.array([5.0,5.0,5.0]), method_re='dl'); print(r.tau2, r.mean_effect_re)"  # -4.87 50.1
     */
    @Test
    void aNegativeMomentEstimateIsTruncatedAndEveryGroupGetsTheGrandMean() {
        double[] means = {50.0, 50.5, 49.8};
        double[] variances = {100, 100, 100};
        int[] sizes = {20, 20, 20};
        assertThat(EmpiricalBayes.tauSquared(means, variances, sizes)).isZero();
        for (EmpiricalBayes.Shrunk shrunk : EmpiricalBayes.shrink(means, variances, sizes)) {
            assertThat(shrunk.mean()).isCloseTo(50.1, within(1e-12));
            assertThat(shrunk.weight()).isZero();
            assertThat(shrunk.sd()).isZero();
        }
    }

    @Test
    void aSingleGroupKeepsItsOwnMean() {
        EmpiricalBayes.Shrunk[] shrunk = EmpiricalBayes.shrink(new double[] {61.0}, new double[] {50}, new int[] {10});
        assertThat(shrunk[0].mean()).isEqualTo(61.0);
        assertThat(EmpiricalBayes.tauSquared(new double[] {61.0}, new double[] {50}, new int[] {10})).isZero();
    }

    /** The pooled within variance here is (4·0 + 10·90 + 10·110)/24 = 2000/24: a zero variance is replaced by it. */
    @Test
    void aGroupWithoutSpreadUsesThePooledVarianceInsteadOfClaimingCertainty() {
        double[] means = {40.0, 60.0, 50.0};
        double[] withZero = {0.0, 90.0, 110.0};
        double[] withPooled = {2000.0 / 24, 90.0, 110.0};
        int[] sizes = {5, 11, 11};
        assertThat(EmpiricalBayes.shrink(means, withZero, sizes)[0].weight())
                .isCloseTo(EmpiricalBayes.shrink(means, withPooled, sizes)[0].weight(), within(1e-15));
    }

    @Test
    void invalidGroupsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> EmpiricalBayes.shrink(new double[] {1, 2},
                new double[] {1, 1}, new int[] {0, 3})).withMessageContaining("group size");
        assertThatIllegalArgumentException().isThrownBy(() -> EmpiricalBayes.shrink(new double[] {1, 2},
                new double[] {0, 0}, new int[] {3, 3})).withMessageContaining("pooled");
        assertThatIllegalArgumentException().isThrownBy(() -> EmpiricalBayes.tauSquared(new double[] {1, 2},
                new double[] {1}, new int[] {3, 3})).withMessageContaining("same length");
        assertThatIllegalArgumentException().isThrownBy(() -> EmpiricalBayes.shrink(new double[0], new double[0], new int[0]));
    }
}

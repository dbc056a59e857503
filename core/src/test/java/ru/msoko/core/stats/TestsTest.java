package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TestsTest {

    private static final double TOLERANCE = 1e-12;

    // python3 -c "from scipy import stats; print([stats.combine_pvalues(p, method='fisher')[1] for p in ([0.01,0.2,0.3],[0.04],[1,1,1])])"  # scipy 1.17.1
    @Test
    void fisherCombinedMatchesScipy() {
        assertThat(Tests.fisherCombined(0.01, 0.2, 0.3)).isCloseTo(0.021561751324834632, within(TOLERANCE));
        assertThat(Tests.fisherCombined(0.04)).isCloseTo(0.04, within(TOLERANCE));
        assertThat(Tests.fisherCombined(1, 1, 1)).isEqualTo(1);
    }

    @Test
    void fisherCombinedWithAZeroPValueIsZero() {
        assertThat(Tests.fisherCombined(0.5, 0)).isZero();
    }

    @Test
    void fisherCombinedRejectsNoPValuesAndInvalidOnes() {
        assertThatIllegalArgumentException().isThrownBy(Tests::fisherCombined);
        assertThatIllegalArgumentException().isThrownBy(() -> Tests.fisherCombined(0.5, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> Tests.fisherCombined(1.2));
    }

    // python3 -c "from scipy import stats; print([(stats.fisher_exact(t,alternative='less')[1], stats.fisher_exact(t,alternative='greater')[1]) for t in [[[3,7],[9,2]],[[0,5],[5,0]],[[10,20],[30,40]],[[1,0],[0,0]],[[120,80],[95,105]]]])"  # scipy 1.10.1 and 1.17.1 agree
    @Test
    void fisherExactOneSidedMatchesScipy() {
        int[][] tables = {{3, 7, 9, 2}, {0, 5, 5, 0}, {10, 20, 30, 40}, {1, 0, 0, 0}, {120, 80, 95, 105}};
        double[] less = {0.024172422005239336, 0.003968253968253969, 0.2533310713617557, 1.0, 0.9954805034317743};
        double[] greater = {0.9982819038546593, 1.0, 0.8676419647894413, 1.0, 0.00799287296590602};
        for (int i = 0; i < tables.length; i++) {
            int[] t = tables[i];
            assertThat(Tests.fisherExactLess(t[0], t[1], t[2], t[3])).as("less %s", i).isCloseTo(less[i], within(TOLERANCE));
            assertThat(Tests.fisherExactGreater(t[0], t[1], t[2], t[3])).as("greater %s", i)
                    .isCloseTo(greater[i], within(TOLERANCE));
        }
    }

    @Test
    void fisherExactOnAnEmptyTableIsOne() {
        assertThat(Tests.fisherExactLess(0, 0, 0, 0)).isEqualTo(1);
        assertThat(Tests.fisherExactGreater(0, 0, 0, 0)).isEqualTo(1);
    }

    @Test
    void fisherExactRejectsNegativeCells() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tests.fisherExactLess(1, -1, 2, 3))
                .withMessageContaining("negative");
    }

    // python3 -c "from scipy import stats; print(stats.wilcoxon([1.5,-0.3,2.2,0.8,-1.1,3.4,0.6,2.9,-0.45,1.7], alternative='greater', method='exact').pvalue)"  # scipy 1.17.1
    @Test
    void wilcoxonUsesTheExactDistributionForSmallUntiedSamples() {
        double[] d = {1.5, -0.3, 2.2, 0.8, -1.1, 3.4, 0.6, 2.9, -0.45, 1.7};
        assertThat(Tests.wilcoxonSignedRankGreater(d)).isCloseTo(0.0244140625, within(TOLERANCE));
    }

    // python3 -c "from scipy import stats; d=[(-1 if i%3==0 else 1)*(i+1.5) for i in range(50)]; print(stats.wilcoxon(d, alternative='greater', method='exact').pvalue)"  # scipy 1.17.1
    @Test
    void wilcoxonIsExactUpToFiftyDifferences() {
        assertThat(Tests.wilcoxonSignedRankGreater(patterned(50))).isCloseTo(0.01998417326421187, within(TOLERANCE));
    }

    // python3 -c "from scipy import stats; d=[(-1 if i%3==0 else 1)*(i+1.5) for i in range(51)]; print(stats.wilcoxon(d, alternative='greater', method='asymptotic', correction=False).pvalue)"  # scipy 1.17.1
    @Test
    void wilcoxonUsesTheNormalApproximationAboveFifty() {
        assertThat(Tests.wilcoxonSignedRankGreater(patterned(51))).isCloseTo(0.01284436999683209, within(TOLERANCE));
    }

    // python3 -c "import numpy as np; from scipy import stats; d=np.array([1,1,-1,2,2,-3,3,4,5,-5,6,0,0.]); print(stats.wilcoxon(d[d!=0], alternative='greater', method='asymptotic', correction=False).pvalue)"  # scipy 1.17.1
    // /usr/bin/python3 -c "from scipy import stats; print(stats.wilcoxon([1,1,-1,2,2,-3,3,4,5,-5,6,0,0.], zero_method='wilcox', alternative='greater', method='approx', correction=False).pvalue)"  # scipy 1.10.1, same value
    @Test
    void wilcoxonDropsZerosAndCorrectsTheNormalApproximationForTies() {
        double[] d = {1, 1, -1, 2, 2, -3, 3, 4, 5, -5, 6, 0, 0};
        assertThat(Tests.wilcoxonSignedRankGreater(d)).isCloseTo(0.0903994595922255, within(TOLERANCE));
    }

    /** Hand check: non-zero d = 0.5, -0.2, 1.3, 2.1 give T+ = 2+3+4 = 9; of the 16 sign patterns only {2,3,4} and {1,2,3,4} reach 9. */
    // python3 -c "from scipy import stats; print(stats.wilcoxon([0.5,-0.2,1.3,2.1], alternative='greater', method='exact').pvalue)"  # scipy 1.17.1
    @Test
    void wilcoxonWithZerosButNoTiesIsExactOnTheNonZeroDifferences() {
        assertThat(Tests.wilcoxonSignedRankGreater(new double[] {0, 0.5, -0.2, 1.3, 2.1, 0})).isEqualTo(0.125);
    }

    @Test
    void wilcoxonOfASinglePositiveDifferenceIsOneHalfAndOfOnlyZerosIsUndefined() {
        assertThat(Tests.wilcoxonSignedRankGreater(new double[] {2.0})).isEqualTo(0.5);
        assertThat(Tests.wilcoxonSignedRankGreater(new double[] {0, 0, 0})).isNaN();
        assertThat(Tests.wilcoxonSignedRankGreater(new double[0])).isNaN();
    }

    @Test
    void wilcoxonRejectsNaN() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tests.wilcoxonSignedRankGreater(new double[] {1, Double.NaN}));
    }

    // python3 -c "import numpy as np; f=np.array([1.0]); exec('for p in [0.1,0.5,0.9,0.3,0.7,0.25]: f=np.convolve(f,[1-p,p])'); print([f[k:].sum() for k in range(8)])"  # numpy 2.x, full convolution of the pmf
    @Test
    void poissonBinomialMatchesTheConvolvedDistribution() {
        double[] p = {0.1, 0.5, 0.9, 0.3, 0.7, 0.25};
        double[] expected = {1.0, 0.9929125000000001, 0.8993125, 0.592225, 0.223325, 0.039862499999999995, 0.0023625, 0.0};
        for (int k = 0; k < expected.length; k++) {
            assertThat(Tests.poissonBinomialUpperTail(p, k)).as("k=%s", k).isCloseTo(expected[k], within(TOLERANCE));
        }
    }

    // python3 -c "import numpy as np; f=np.array([1.0]); exec('for i in range(1000): p=((i%10)+0.5)/20; f=np.convolve(f,[1-p,p])'); print([f[k:].sum() for k in [200,250,300,400]])"  # numpy 2.x
    @Test
    void poissonBinomialKeepsRelativePrecisionInAFarTail() {
        double[] p = new double[1000];
        for (int i = 0; i < p.length; i++) {
            p[i] = ((i % 10) + 0.5) / 20;
        }
        assertThat(Tests.poissonBinomialUpperTail(p, 200)).isCloseTo(0.9999666787646572, withinPercentage(1e-9));
        assertThat(Tests.poissonBinomialUpperTail(p, 250)).isCloseTo(0.5135023073934901, withinPercentage(1e-9));
        assertThat(Tests.poissonBinomialUpperTail(p, 300)).isCloseTo(8.078931345489816e-05, withinPercentage(1e-8));
        assertThat(Tests.poissonBinomialUpperTail(p, 400)).isCloseTo(6.236557838421016e-29, withinPercentage(1e-7));
    }

    // python3 -c "from scipy import stats; print(stats.binom.sf(29,80,0.3))"  # scipy 1.17.1
    @Test
    void poissonBinomialWithEqualProbabilitiesIsBinomial() {
        double[] p = new double[80];
        Arrays.fill(p, 0.3);
        assertThat(Tests.poissonBinomialUpperTail(p, 30)).isCloseTo(0.09159788996317186, withinPercentage(1e-9));
    }

    @Test
    void poissonBinomialHandlesBoundaryCountsAndCertainEvents() {
        assertThat(Tests.poissonBinomialUpperTail(new double[0], 0)).isEqualTo(1);
        assertThat(Tests.poissonBinomialUpperTail(new double[0], 1)).isZero();
        assertThat(Tests.poissonBinomialUpperTail(new double[] {1, 1, 0}, 2)).isEqualTo(1);
        assertThat(Tests.poissonBinomialUpperTail(new double[] {1, 1, 0}, 3)).isZero();
        assertThat(Tests.poissonBinomialUpperTail(new double[] {0.5, 0.5}, 3)).isZero();
    }

    @Test
    void poissonBinomialRejectsProbabilitiesOutsideTheUnitInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tests.poissonBinomialUpperTail(new double[] {0.5, 1.1}, 1));
    }

    // /usr/bin/python3 -c "from statsmodels.stats.proportion import proportions_ztest as z; print([z(s,n,value=p0,alternative='larger',prop_var=p0)[1] for s,n,p0 in [(30,100,0.2),(0,10,0.5),(10,10,0.9),(480,1000,0.5)]])"  # statsmodels 0.13.5
    @Test
    void zShareMatchesStatsmodelsWithTheReferenceVariance() {
        assertThat(Tests.zShareUpperTail(30, 100, 0.2)).isCloseTo(0.006209665325776138, within(TOLERANCE));
        assertThat(Tests.zShareUpperTail(0, 10, 0.5)).isCloseTo(0.9992172988709987, within(TOLERANCE));
        assertThat(Tests.zShareUpperTail(10, 10, 0.9)).isCloseTo(0.14592027257189433, within(TOLERANCE));
        assertThat(Tests.zShareUpperTail(480, 1000, 0.5)).isCloseTo(0.897048394633966, within(TOLERANCE));
    }

    @Test
    void zShareRejectsEmptySamplesAndDegenerateReferences() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tests.zShareUpperTail(0, 0, 0.5));
        assertThatIllegalArgumentException().isThrownBy(() -> Tests.zShareUpperTail(1, 2, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Tests.zShareUpperTail(3, 2, 0.5));
    }

    /** d_i = ±(i + 1.5), negative when i mod 3 = 0: distinct magnitudes, mixed signs. */
    private static double[] patterned(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = (i % 3 == 0 ? -1 : 1) * (i + 1.5);
        }
        return d;
    }
}

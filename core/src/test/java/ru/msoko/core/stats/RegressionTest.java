package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RegressionTest {

    /*
     * The data set of the WLS and Huber tests, made by
     * /usr/bin/python3 -c "import numpy as np; i=np.arange(20); x1=i.astype(float); x2=np.round((i*7%11)/3,4);
     *   y=np.round(2+0.5*x1-1.2*x2+np.sin(i*1.7)*0.8,4); y[3]+=15; y[12]-=10; w=1.0+(i%4); print(x2.tolist(), y.tolist(), w.tolist())"
     */
    private static final double[] X2 = {0.0, 2.3333, 1.0, 3.3333, 2.0, 0.6667, 3.0, 1.6667, 0.3333, 2.6667, 1.3333, 0.0,
        2.3333, 1.0, 3.3333, 2.0, 0.6667, 3.0, 1.6667, 0.3333};
    private static final double[] Y = {2.0, 0.4934, 1.5956, 13.7594, 1.9953, 4.3387, 0.8401, 3.0055, 6.2874, 3.6174, 4.6309,
        7.3808, -4.0001, 7.2131, 4.2226, 7.3872, 9.9034, 6.4315, 8.4173, 11.7187};
    private static final double[] W = {1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0, 4.0, 1.0,
        2.0, 3.0, 4.0};

    private static double[][] predictors() {
        double[][] x = new double[X2.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i, X2[i]};
        }
        return x;
    }

    // /usr/bin/python3: X=sm.add_constant(np.column_stack([x1,x2])); r=sm.WLS(y,X,weights=w).fit(); print(r.params, np.sqrt(r.scale), r.resid[:3])  # statsmodels 0.13.5
    @Test
    void weightedLeastSquaresMatchesStatsmodels() {
        Regression.Fit fit = Regression.weightedLeastSquares(predictors(), Y, W);
        assertThat(fit.coefficients()).containsExactly(new double[] {3.239711206423952, 0.2774813669919167,
            -0.09677839026863394}, within(1e-10));
        assertThat(fit.residualScale()).isCloseTo(6.372002094827612, within(1e-10));
        assertThat(fit.residuals()).hasSize(Y.length);
        assertThat(Arrays.copyOf(fit.residuals(), 3)).containsExactly(new double[] {-1.239711206423952,
            -2.7979795554020654, -2.102295550139152}, within(1e-10));
    }

    // /usr/bin/python3: r=sm.OLS(y,X).fit(); print(r.params, np.sqrt(r.scale))  # statsmodels 0.13.5
    @Test
    void unitWeightsGiveOrdinaryLeastSquares() {
        double[] ones = new double[Y.length];
        Arrays.fill(ones, 1);
        Regression.Fit fit = Regression.weightedLeastSquares(predictors(), Y, ones);
        assertThat(fit.coefficients()).containsExactly(new double[] {3.0848919125281986, 0.3118190824300635,
            -0.6032235957300762}, within(1e-10));
        assertThat(fit.residualScale()).isCloseTo(3.909983306375366, within(1e-10));
    }

    @Test
    void anExactlyDeterminedFitHasNoResidualScale() {
        Regression.Fit fit = Regression.weightedLeastSquares(new double[][] {{1}, {3}}, new double[] {2, 6}, new double[] {1, 1});
        assertThat(fit.coefficients()).containsExactly(new double[] {0, 2}, within(1e-12));
        assertThat(fit.residualScale()).isNaN();
    }

    @Test
    void collinearPredictorsAreRejected() {
        double[][] x = {{1, 2}, {2, 4}, {3, 6}, {4, 8}};
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Regression.weightedLeastSquares(x, new double[] {1, 2, 3, 5}, new double[] {1, 1, 1, 1}))
                .withMessageContaining("rank deficient");
    }

    @Test
    void invalidRegressionInputsAreRejected() {
        double[][] x = {{1}, {2}, {3}};
        double[] y = {1, 2, 3};
        assertThatIllegalArgumentException().isThrownBy(() -> Regression.weightedLeastSquares(x, y, new double[] {1, -1, 1}))
                .withMessageContaining("weights");
        assertThatIllegalArgumentException().isThrownBy(() -> Regression.weightedLeastSquares(x, new double[] {1, 2}, y))
                .withMessageContaining("same length");
        assertThatIllegalArgumentException().isThrownBy(() -> Regression.weightedLeastSquares(new double[][] {{1}, {2, 3}, {4}}, y, y));
        assertThatIllegalArgumentException().isThrownBy(() -> Regression.huber(new double[][] {{1}, {2}}, new double[] {1, Double.NaN}));
    }

    // /usr/bin/python3: r=sm.RLM(y,X,M=sm.robust.norms.HuberT()).fit(); print(r.params, r.scale, r.resid[:3], r.fit_history['iteration'])  # statsmodels 0.13.5, 17 iterations
    @Test
    void huberMatchesStatsmodelsRlmDefaults() {
        Regression.Fit fit = Regression.huber(predictors(), Y);
        assertThat(fit.coefficients()).containsExactly(new double[] {2.4860309643680627, 0.47380241845447857,
            -1.340188169931649}, within(1e-9));
        assertThat(fit.residualScale()).isCloseTo(0.6988171901085165, within(1e-9));
        assertThat(fit.residuals()[1]).isCloseTo(0.6606276740789749, within(1e-9));
    }

    @Test
    void huberResistsTheOutliersThatPullLeastSquares() {
        double[] ones = new double[Y.length];
        Arrays.fill(ones, 1);
        double ols = Regression.weightedLeastSquares(predictors(), Y, ones).coefficients()[2];
        double robust = Regression.huber(predictors(), Y).coefficients()[2];
        assertThat(Math.abs(robust - (-1.2))).isLessThan(Math.abs(ols - (-1.2)));
    }

    @Test
    void huberOnAnExactLineStopsWithZeroScale() {
        Regression.Fit fit = Regression.huber(new double[][] {{0}, {1}, {2}, {3}}, new double[] {1, 3, 5, 7});
        assertThat(fit.coefficients()).containsExactly(new double[] {1, 2}, within(1e-12));
        assertThat(fit.residualScale()).isCloseTo(0, within(1e-12));
    }

    /*
     * Exact permutation p-value by full enumeration, 48 of 720 orderings have a slope at least the observed:
     * /usr/bin/python3 -c "import numpy as np, itertools, statsmodels.api as sm; y=np.array([1.2,0.7,2.5,1.9,3.1,2.2]);
     *   X=sm.add_constant(np.arange(1,7.)); w=np.array([1,2,1,3,1,2.]); s=lambda v: sm.WLS(v,X,weights=w).fit().params[1];
     *   b=s(y); print(np.mean([s(y[list(p)])>=b-1e-12 for p in itertools.permutations(range(6))]))"  # 0.0666...
     */
    @Test
    void permutationPValueApproachesTheExactEnumeration() {
        double[] y = {1.2, 0.7, 2.5, 1.9, 3.1, 2.2};
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] w = {1, 2, 1, 3, 1, 2};
        double p = Regression.permutationSlopePValue(y, x, w, 100_000, 42);
        assertThat(p).isCloseTo(48.0 / 720, within(0.004));
    }

    @Test
    void permutationPValueIsReproducibleForASeed() {
        double[] y = {1.2, 0.7, 2.5, 1.9, 3.1, 2.2};
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] w = {1, 2, 1, 3, 1, 2};
        assertThat(Regression.permutationSlopePValue(y, x, w, 999, 5))
                .isEqualTo(Regression.permutationSlopePValue(y, x, w, 999, 5));
    }

    @Test
    void aPerfectIncreasingRelationHasTheSmallestPossiblePValue() {
        int n = 30;
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            w[i] = 1 + i % 3;
        }
        assertThat(Regression.permutationSlopePValue(x.clone(), x, w, 999, 1)).isEqualTo(1.0 / 1000);
    }

    @Test
    void aConstantResponseTiesEveryPermutationAndGivesOne() {
        assertThat(Regression.permutationSlopePValue(new double[] {2, 2, 2, 2}, new double[] {1, 2, 3, 4},
                new double[] {1, 1, 1, 1}, 99, 3)).isEqualTo(1);
    }

    @Test
    void permutationTestRejectsAConstantPredictor() {
        assertThatIllegalArgumentException().isThrownBy(() -> Regression.permutationSlopePValue(new double[] {1, 2, 3},
                new double[] {5, 5, 5}, new double[] {1, 1, 1}, 10, 1)).withMessageContaining("x must vary");
    }
}

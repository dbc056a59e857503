package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PersonFitTest {

    private static final int[] MAX = {2, 1, 3, 2};
    private static final int[][] SCORES = {{2, 1, 3, 2}, {1, 1, 2, 1}, {0, 0, 1, 0}, {2, 0, 3, 1}, {1, 1, 0, 2}, {0, 1, 1, 0},
        {2, 1, 1, 1}, {1, 0, 2, 2}, {0, 0, 0, 1}, {2, 1, 2, 0}, {1, 1, 3, 2}, {0, 1, 0, 0}};

    /*
     * Reference: an independent numpy implementation of the PerFit definitions, U3's minimum found by brute force over all
     * feasible score vectors rather than PerFit's recursion (python3, numpy 2.x):
     *
     * import numpy as np, itertools
     * mx=[2,1,3,2]; S=np.array(<SCORES>)
     * steps=lambda s: np.concatenate([[1 if s[j]>=k else 0 for k in range(1,mx[j]+1)] for j in range(len(mx))])
     * X=np.array([steps(s) for s in S]); p=X.mean(axis=0); order=np.argsort(-p, kind='stable')
     * def G(x): xo=x[order]; return sum(1 for h in range(len(xo)) for l in range(h+1,len(xo)) if xo[h]==0 and xo[l]==1)
     * q=np.clip(p,1e-6,1-1e-6); w=np.log(q/(1-q)); feasible=[np.array(v) for v in itertools.product(*[range(m+1) for m in mx])]
     * def U3(s):
     *     x=steps(s); r=x.sum()
     *     if r==0 or r==len(x): return float('nan')
     *     hi=np.sort(w)[::-1][:r].sum(); lo=min(steps(v)@w for v in feasible if v.sum()==r); return (hi-x@w)/(hi-lo)
     * print(p.tolist(), [G(steps(s)) for s in S], [U3(s) for s in S])
     */
    private static final double[] STEP_P = {0.6666666666666666, 0.3333333333333333, 0.6666666666666666, 0.75, 0.5, 0.25,
        0.6666666666666666, 0.3333333333333333};
    private static final int[] G = {0, 0, 0, 5, 6, 1, 1, 4, 3, 2, 2, 2};
    private static final double[] U3 = {Double.NaN, 0.0, 0.0, 1.0, 0.563791416028937, 0.0, 0.2181042919855316,
        0.4362085839710632, 1.0, 0.43620858397106316, 0.22629438553091696, 1.0};

    @Test
    void stepProportionsMatchTheNumpyReference() {
        assertThat(PersonFit.stepProportions(SCORES, MAX)).containsExactly(STEP_P, within(1e-15));
    }

    @Test
    void guttmanErrorsMatchTheNumpyReference() {
        for (int i = 0; i < SCORES.length; i++) {
            assertThat(PersonFit.guttmanErrors(SCORES[i], MAX, STEP_P)).as("person %s", i).isEqualTo(G[i]);
        }
    }

    @Test
    void u3MatchesTheNumpyReference() {
        for (int i = 0; i < SCORES.length; i++) {
            double u3 = PersonFit.u3(SCORES[i], MAX, STEP_P);
            if (Double.isNaN(U3[i])) {
                assertThat(u3).as("person %s", i).isNaN();
            } else {
                assertThat(u3).as("person %s", i).isCloseTo(U3[i], within(1e-12));
            }
        }
    }

    @Test
    void aReusableModelGivesTheSameAnswersAsTheStaticMethods() {
        PersonFit.Model model = PersonFit.model(MAX, STEP_P);
        for (int[] person : SCORES) {
            assertThat(model.guttmanErrors(person)).isEqualTo(PersonFit.guttmanErrors(person, MAX, STEP_P));
            assertThat(Double.valueOf(model.u3(person))).isEqualTo(Double.valueOf(PersonFit.u3(person, MAX, STEP_P)));
        }
    }

    /** Hand check on four 0/1 items with p = .9, .7, .5, .3: passing the two easiest is a perfect Guttman pattern. */
    @Test
    void aPerfectGuttmanPatternHasNoErrorsAndZeroU3() {
        int[] max = {1, 1, 1, 1};
        double[] p = {0.9, 0.7, 0.5, 0.3};
        assertThat(PersonFit.guttmanErrors(new int[] {1, 1, 0, 0}, max, p)).isZero();
        assertThat(PersonFit.u3(new int[] {1, 1, 0, 0}, max, p)).isZero();
    }

    /** Hand check: passing the two hardest and failing the two easiest makes 2·2 = 4 errors and the extreme U3 = 1. */
    @Test
    void theFullyReversedPatternHasTheMostErrorsAndU3One() {
        int[] max = {1, 1, 1, 1};
        double[] p = {0.9, 0.7, 0.5, 0.3};
        assertThat(PersonFit.guttmanErrors(new int[] {0, 0, 1, 1}, max, p)).isEqualTo(4);
        assertThat(PersonFit.u3(new int[] {0, 0, 1, 1}, max, p)).isCloseTo(1, within(1e-15));
    }

    /** Hand check of van der Flier's formula: r = 2, W = l(.9) + l(.5); (l(.9)+l(.7) − W)/(l(.9)+l(.7) − l(.5) − l(.3)). */
    @Test
    void u3OnDichotomousItemsIsVanDerFliersRatio() {
        double expected = (logit(0.7) - logit(0.5)) / (logit(0.9) + logit(0.7) - logit(0.5) - logit(0.3));
        assertThat(PersonFit.u3(new int[] {1, 0, 1, 0}, new int[] {1, 1, 1, 1}, new double[] {0.9, 0.7, 0.5, 0.3}))
                .isCloseTo(expected, within(1e-15));
    }

    @Test
    void u3IsUndefinedForNoneOrAllStepsPassed() {
        assertThat(PersonFit.u3(new int[] {0, 0, 0, 0}, MAX, STEP_P)).isNaN();
        assertThat(PersonFit.u3(MAX, MAX, STEP_P)).isNaN();
    }

    /** A step nobody in the reference passed gets p clamped to 1e-6 instead of an infinite weight. */
    @Test
    void extremeStepProportionsAreClampedToFiniteWeights() {
        double u3 = PersonFit.u3(new int[] {0, 1}, new int[] {1, 1}, new double[] {1.0, 0.0});
        assertThat(u3).isCloseTo(1, within(1e-12));
    }

    /*
     * python3 -c "import numpy as np; P=np.array([0.9,0.8,0.65,0.5,0.3,0.15]); L=np.log(P/(1-P)); sd=np.sqrt((P*(1-P)*L**2).sum());
     *   print([((np.array(x)-P)*L).sum()/sd for x in ([0,1,0,1,1,1],[1,1,1,0,0,0])])"  # numpy 2.x
     */
    @Test
    void lzMatchesTheDrasgowFormula() {
        double[] p = {0.9, 0.8, 0.65, 0.5, 0.3, 0.15};
        assertThat(PersonFit.lz(new int[] {0, 1, 0, 1, 1, 1}, p)).isCloseTo(-3.5711918937869402, within(1e-12));
        assertThat(PersonFit.lz(new int[] {1, 1, 1, 0, 0, 0}, p)).isCloseTo(1.0516465518217095, within(1e-12));
    }

    @Test
    void lzIsUndefinedWhenEveryProbabilityIsOneHalf() {
        assertThat(PersonFit.lz(new int[] {1, 0}, new double[] {0.5, 0.5})).isNaN();
    }

    @Test
    void invalidPersonFitInputsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> PersonFit.u3(new int[] {3, 0, 0, 0}, MAX, STEP_P))
                .withMessageContaining("outside 0..2");
        assertThatIllegalArgumentException().isThrownBy(() -> PersonFit.guttmanErrors(new int[] {1, 0}, MAX, STEP_P))
                .withMessageContaining("same length");
        assertThatIllegalArgumentException().isThrownBy(() -> PersonFit.u3(new int[] {1, 0, 0, 0}, MAX, new double[3]))
                .withMessageContaining("stepP");
        assertThatIllegalArgumentException().isThrownBy(() -> PersonFit.lz(new int[] {2}, new double[] {0.5}));
        assertThatIllegalArgumentException().isThrownBy(() -> PersonFit.lz(new int[] {1}, new double[] {1.0}));
        assertThatIllegalArgumentException().isThrownBy(() -> PersonFit.stepProportions(new int[0][], MAX));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}

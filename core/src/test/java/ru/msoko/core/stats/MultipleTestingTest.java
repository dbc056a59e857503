package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultipleTestingTest {

    // /usr/bin/python3 -c "from statsmodels.stats.multitest import multipletests; print(multipletests([0.01,0.04,0.03,0.5,0.02,0.04,0.9,0.001], method='fdr_bh')[1].tolist())"  # statsmodels 0.13.5
    @Test
    void benjaminiHochbergMatchesStatsmodelsIncludingTies() {
        double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.5, 0.02, 0.04, 0.9, 0.001});
        assertThat(q).containsExactly(new double[] {0.04, 0.05333333333333334, 0.05333333333333334, 0.5714285714285714,
            0.05333333333333334, 0.05333333333333334, 0.9, 0.008}, within(1e-15));
    }

    // /usr/bin/python3 -c "from statsmodels.stats.multitest import multipletests; print(multipletests([0.01,0.04,0.03], method='fdr_bh')[1].tolist())"  # statsmodels 0.13.5, on the non-NaN entries
    @Test
    void nanEntriesStayNanAndAreNotCounted() {
        double[] q = MultipleTesting.benjaminiHochberg(new double[] {Double.NaN, 0.01, 0.04, Double.NaN, 0.03});
        assertThat(q[0]).isNaN();
        assertThat(q[3]).isNaN();
        assertThat(new double[] {q[1], q[2], q[4]}).containsExactly(new double[] {0.03, 0.04, 0.04}, within(1e-15));
    }

    // /usr/bin/python3 -c "from statsmodels.stats.multitest import multipletests; print(multipletests([1,1,0.99], method='fdr_bh')[1].tolist())"  # statsmodels 0.13.5
    @Test
    void qValuesAreCappedAtOne() {
        assertThat(MultipleTesting.benjaminiHochberg(new double[] {1, 1, 0.99})).containsExactly(1, 1, 1);
    }

    @Test
    void emptyAndAllNanInputsGiveEmptyAndAllNanOutputs() {
        assertThat(MultipleTesting.benjaminiHochberg(new double[0])).isEmpty();
        assertThat(MultipleTesting.benjaminiHochberg(new double[] {Double.NaN, Double.NaN})).containsOnly(Double.NaN);
    }

    /** The defining properties: q >= p, q keeps the order of p, and the smallest q is min(p·m/rank). */
    @Test
    void qValuesAreMonotoneInPAndNeverBelowP() {
        SplittableRandom random = new SplittableRandom(7);
        double[] p = new double[10_000];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.pow(random.nextDouble(), 3);
        }
        double[] q = MultipleTesting.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertThat(q[i]).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1);
            int j = random.nextInt(p.length);
            if (p[i] < p[j]) {
                assertThat(q[i]).isLessThanOrEqualTo(q[j]);
            }
        }
    }

    @Test
    void pValuesOutsideTheUnitIntervalAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> MultipleTesting.benjaminiHochberg(new double[] {0.2, 1.5}))
                .withMessageContaining("p-value");
    }
}

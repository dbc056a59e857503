package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    private static final double[] X = {3.1, 2.0, 2.0, 5.5, 4.0, 1.0, 2.0, 7.2};
    private static final double[] Y = {10, 20, 20, 15, 30, 5, 8, 40};

    // python3 -c "from scipy import stats; print(stats.spearmanr([3.1,2.0,2.0,5.5,4.0,1.0,2.0,7.2],[10,20,20,15,30,5,8,40]).statistic)"  # scipy 1.17.1
    @Test
    void spearmanWithTiesMatchesScipy() {
        assertThat(Correlation.spearman(X, Y)).isCloseTo(0.6626889364596515, within(1e-14));
    }

    // python3 -c "from scipy import stats; print(stats.spearmanr([1,2,3,4,5],[5,4,3,2,1]).statistic)"  # scipy 1.17.1
    @Test
    void spearmanOfAReversedOrderIsMinusOne() {
        assertThat(Correlation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1}))
                .isCloseTo(-1, within(1e-15));
    }

    @Test
    void spearmanIsUndefinedForAConstantSampleOrFewerThanTwoPoints() {
        assertThat(Correlation.spearman(new double[] {2, 2, 2}, new double[] {1, 2, 3})).isNaN();
        assertThat(Correlation.spearman(new double[] {1}, new double[] {1})).isNaN();
    }

    @Test
    void spearmanRejectsSamplesOfDifferentLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> Correlation.spearman(new double[2], new double[3]))
                .withMessageContaining("same length");
    }

    // python3 -c "from scipy import stats; print(stats.rankdata([3.1,2.0,2.0,5.5,4.0,1.0,2.0,7.2]).tolist())"  # scipy 1.17.1
    @Test
    void ranksAverageTiesLikeScipyRankdata() {
        assertThat(Correlation.ranks(X)).containsExactly(5.0, 3.0, 3.0, 7.0, 6.0, 1.0, 3.0, 8.0);
    }

    /** Definition check across merge-sort runs: rank = #{below} + (#{equal} + 1)/2, on 1,000 values with many ties. */
    @Test
    void ranksAgreeWithTheCountingDefinitionOnALargeTiedSample() {
        SplittableRandom random = new SplittableRandom(3);
        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(40) - 20;
        }
        double[] ranks = Correlation.ranks(x);
        for (int i = 0; i < x.length; i++) {
            int below = 0;
            int equal = 0;
            for (double v : x) {
                below += v < x[i] ? 1 : 0;
                equal += v == x[i] ? 1 : 0;
            }
            assertThat(ranks[i]).isEqualTo(below + (equal + 1) / 2.0);
        }
    }

    @Test
    void ranksOfAllTiedValuesAreTheMiddleRank() {
        assertThat(Correlation.ranks(new double[] {4, 4, 4, 4})).containsOnly(2.5);
        assertThat(Correlation.ranks(new double[0])).isEmpty();
    }

    // python3 -c "from scipy import stats; print([stats.percentileofscore([1,2,2,3,4,4,4,5],v,kind='mean')/100 for v in [0,1,2,4,4.5,5,9]])"  # scipy 1.17.1
    @Test
    void percentileRankCountsHalfOfTheTiesLikeScipyKindMean() {
        double[] sample = {1, 2, 2, 3, 4, 4, 4, 5};
        double[] values = {0, 1, 2, 4, 4.5, 5, 9};
        double[] expected = {0.0, 0.0625, 0.25, 0.6875, 0.875, 0.9375, 1.0};
        for (int i = 0; i < values.length; i++) {
            assertThat(Correlation.percentileRank(sample, values[i])).isCloseTo(expected[i], within(1e-15));
        }
    }

    @Test
    void percentileRankRejectsAnEmptySample() {
        assertThatIllegalArgumentException().isThrownBy(() -> Correlation.percentileRank(new double[0], 1));
    }
}

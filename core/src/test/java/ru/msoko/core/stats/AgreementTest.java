package ru.msoko.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AgreementTest {

    // /usr/bin/python3 -c "from sklearn.metrics import cohen_kappa_score as k; print(k([0,1,2,3,4,2,1,0,3,4,2,2],[0,2,2,3,3,1,1,0,4,4,3,2],weights='quadratic'))"  # scikit-learn 1.2.1
    @Test
    void quadraticKappaMatchesSklearn() {
        int[] a = {0, 1, 2, 3, 4, 2, 1, 0, 3, 4, 2, 2};
        int[] b = {0, 2, 2, 3, 3, 1, 1, 0, 4, 4, 3, 2};
        assertThat(Agreement.quadraticWeightedKappa(a, b, 0, 4)).isCloseTo(0.8780487804878049, within(1e-14));
    }

    /*
     * Unused categories between used ones: the weights follow the score distance, as sklearn with explicit labels does
     * (its default, labels=None, would give 0.7272727272727273 by treating 0, 3, 5 as adjacent):
     * /usr/bin/python3 -c "from sklearn.metrics import cohen_kappa_score as k; print(k([0,0,3,3,5,5,0,3],[0,3,3,5,5,5,0,0],weights='quadratic',labels=list(range(6))))"  # scikit-learn 1.2.1
     */
    @Test
    void quadraticKappaWeighsByScoreDistanceWhenCategoriesAreUnused() {
        int[] a = {0, 0, 3, 3, 5, 5, 0, 3};
        int[] b = {0, 3, 3, 5, 5, 5, 0, 0};
        assertThat(Agreement.quadraticWeightedKappa(a, b, 0, 5)).isCloseTo(0.6868327402135231, within(1e-14));
    }

    @Test
    void perfectAgreementIsOne() {
        int[] a = {1, 2, 3, 2, 1};
        assertThat(Agreement.quadraticWeightedKappa(a, a.clone(), 1, 3)).isEqualTo(1);
    }

    // /usr/bin/python3 -c "from sklearn.metrics import cohen_kappa_score as k; print(k([1,1,1],[2,2,2],weights='quadratic',labels=[0,1,2,3]), k([2,2,2],[2,2,2],weights='quadratic'))"  # 0.0 and nan
    @Test
    void constantRatersGiveZeroWhenTheyDifferAndNanWhenTheyAgree() {
        assertThat(Agreement.quadraticWeightedKappa(new int[] {1, 1, 1}, new int[] {2, 2, 2}, 0, 3)).isZero();
        assertThat(Agreement.quadraticWeightedKappa(new int[] {2, 2, 2}, new int[] {2, 2, 2}, 0, 3)).isNaN();
        assertThat(Agreement.quadraticWeightedKappa(new int[0], new int[0], 0, 3)).isNaN();
    }

    @Test
    void ratingsOutsideTheCategoriesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Agreement.quadraticWeightedKappa(new int[] {0, 5}, new int[] {0, 1}, 0, 4))
                .withMessageContaining("outside");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Agreement.quadraticWeightedKappa(new int[] {0}, new int[] {0, 1}, 0, 4));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Agreement.quadraticWeightedKappa(new int[] {0}, new int[] {0}, 3, 1));
    }
}

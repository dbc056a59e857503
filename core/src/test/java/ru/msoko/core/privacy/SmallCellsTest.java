package ru.msoko.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmallCellsTest {

    @Test
    void hidesGroupsBelowTheBoundAndShowsTheBoundItself() {
        SmallCells cells = SmallCells.defaults();
        assertThat(cells.hides(0)).isTrue();
        assertThat(cells.hides(9)).isTrue();
        assertThat(cells.hides(10)).isFalse();
        assertThat(new SmallCells(3).hides(3)).isFalse();
        assertThat(new SmallCells(3).hides(2)).isTrue();
    }

    @Test
    void refusesABoundBelowOne() {
        assertThatThrownBy(() -> new SmallCells(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

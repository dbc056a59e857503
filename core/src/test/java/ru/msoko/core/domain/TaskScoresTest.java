package ru.msoko.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TaskScoresTest {

    @Property
    void packThenUnpackGivesTheSameScores(@ForAll @Size(max = 60) java.util.List<@IntRange(min = -1, max = 35) Integer> raw) {
        int[] scores = raw.stream().mapToInt(Integer::intValue).toArray();
        TaskScores original = TaskScores.of(scores);
        TaskScores back = TaskScores.unpack(original.pack());
        assertThat(back).isEqualTo(original);
        assertThat(original.pack()).hasSize(scores.length);
        for (int i = 0; i < scores.length; i++) {
            assertThat(back.score(i)).isEqualTo(scores[i]);
        }
    }

    @Test
    void notAttemptedIsKeptApartFromZero() {
        TaskScores s = TaskScores.of(0, TaskScores.NOT_ATTEMPTED, 2, 12);
        assertThat(s.pack()).isEqualTo("0-2c");
        assertThat(s.attempted(0)).isTrue();
        assertThat(s.attempted(1)).isFalse();
        assertThat(s.total()).isEqualTo(14);
        assertThat(s.notAttemptedCount()).isEqualTo(1);
    }

    @Test
    void scoresOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> TaskScores.of(36)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskScores.of(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskScores.unpack("1?")).isInstanceOf(IllegalArgumentException.class);
    }
}

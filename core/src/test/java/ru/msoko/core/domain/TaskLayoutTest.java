package ru.msoko.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskLayoutTest {

    @Test
    void readsTheTaskHeadersOfFisOkoForms() {
        assertThat(TaskLayout.parseHeader("1 (1б)")).isEqualTo(new TaskLayout.Task("1", 1));
        assertThat(TaskLayout.parseHeader("10К2 (2б)")).isEqualTo(new TaskLayout.Task("10К2", 2));
        assertThat(TaskLayout.parseHeader("5(1) (1б)")).isEqualTo(new TaskLayout.Task("5(1)", 1));
        assertThat(TaskLayout.parseHeader(" 12 ( 3 б ) ")).isEqualTo(new TaskLayout.Task("12", 3));
    }

    @Test
    void otherHeadersAreNotTasks() {
        assertThat(TaskLayout.parseHeader("primary_score")).isNull();
        assertThat(TaskLayout.parseHeader("Итого баллов")).isNull();
        assertThat(TaskLayout.parseHeader("(1б)")).isNull();
    }

    @Test
    void formatAndParseRoundTrip() {
        TaskLayout layout = new TaskLayout(List.of(new TaskLayout.Task("1", 1), new TaskLayout.Task("10К2", 2),
                new TaskLayout.Task("5(1)", 1)));
        assertThat(layout.format()).isEqualTo("1=1;10К2=2;5(1)=1");
        assertThat(TaskLayout.parse(layout.format())).isEqualTo(layout);
        assertThat(layout.maxTotal()).isEqualTo(4);
    }
}

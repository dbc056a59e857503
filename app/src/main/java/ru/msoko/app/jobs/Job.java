package ru.msoko.app.jobs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A background job as the pages and the API show it: who started it, where it is (the phase with its units done
 * out of its total; total 0 when not known) and how it ended ({@code summary} one line per item, {@code link} the
 * page of the result, {@code error} the Russian reason of a failure).
 */
public record Job(long id, JobKind kind, String title, String owner, JobState state, String phase, long done,
                  long total, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                  String summary, String link, String error) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public boolean ended() {
        return state.ended();
    }

    /** Whole percent of the current phase, or -1 when its total is not known (the bar is then indeterminate). */
    public int percent() {
        return total <= 0 ? -1 : (int) Math.min(100, done * 100 / total);
    }

    public List<String> summaryLines() {
        return summary == null || summary.isBlank() ? List.of() : List.of(summary.split("\n"));
    }

    /** «25.11.2026 14:05» of when it was started. */
    public String when() {
        return createdAt == null ? "" : createdAt.atZoneSameInstant(ZoneId.systemDefault()).format(DATE_TIME);
    }

    /** How it ended, for the heading of the outcome: «Выполнено за 12 с», «Не выполнено». */
    public String verdict() {
        String head = state == JobState.DONE ? "Выполнено" : "Не выполнено";
        if (startedAt == null || finishedAt == null) {
            return head;
        }
        return Duration.between(startedAt, finishedAt).toSeconds() < 1 ? head + " менее чем за секунду"
                : head + " за " + duration();
    }

    /** How long it ran, «12 с» or «3 мин 5 с»; empty before it starts. */
    public String duration() {
        if (startedAt == null) {
            return "";
        }
        long s = Duration.between(startedAt, finishedAt == null ? OffsetDateTime.now() : finishedAt).toSeconds();
        return s < 60 ? s + " с" : s / 60 + " мин " + s % 60 + " с";
    }

    /** The same job with the live progress of a running one. */
    Job with(JobProgress.Snapshot p) {
        return new Job(id, kind, title, owner, state, p.phase(), p.done(), p.total(), createdAt, startedAt, finishedAt,
                summary, link, error);
    }
}

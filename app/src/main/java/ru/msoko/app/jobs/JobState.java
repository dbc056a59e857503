package ru.msoko.app.jobs;

/** Where a job is: waiting for a free worker, running, or ended one way or the other. */
public enum JobState {
    QUEUED("в очереди"),
    RUNNING("выполняется"),
    DONE("выполнено"),
    FAILED("не выполнено");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean ended() {
        return this == DONE || this == FAILED;
    }
}

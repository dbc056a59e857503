package ru.msoko.app.audit;

/** How the recorded action ended. */
public enum Outcome {
    OK("выполнено"),
    REFUSED("отказано"),
    FAILED("ошибка");

    private final String title;

    Outcome(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}

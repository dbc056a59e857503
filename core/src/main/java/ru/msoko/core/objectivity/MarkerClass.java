package ru.msoko.core.objectivity;

/** How a sign counts towards a procedure's «признак необъективности» (methods.md §A.9). */
public enum MarkerClass {
    /** One strong sign makes a признак. */
    STRONG("сильный"),
    /** Two supporting signs make a признак. */
    SUPPORTING("дополнительный"),
    /** Confirmed by a re-check or a controlled run: the school is in the red zone at once. */
    CONFIRMING("подтверждающий"),
    /** Objectivity of current (internal) assessment: a separate track, not the ВПР status. */
    INTERNAL_ASSESSMENT("объективность текущего оценивания"),
    /** Level classification (significantly above or below comparable schools): context, not a признак. */
    LEVEL("уровень результатов"),
    /** Imported from an official list: shown and reconciled, not counted in our own zone. */
    OFFICIAL("официальный перечень");

    private final String label;

    MarkerClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package ru.msoko.core.objectivity;

/** The risk zone of a school in a year (methods.md A.9), with the code used in {@code risk.csv}. */
public enum Zone {
    RED("red", "красная зона"),
    YELLOW("yellow", "жёлтая зона"),
    GREEN("green", "зелёная зона"),
    INSUFFICIENT_DATA("insufficient_data", "недостаточно данных");

    private final String code;
    private final String label;

    Zone(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}

package ru.msoko.app.security;

/** The level of territory a user works on, from the widest to the narrowest. */
public enum Territory {
    REGION("весь регион"),
    MUNICIPALITY("муниципалитет"),
    SCHOOL("школа");

    private final String title;

    Territory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}

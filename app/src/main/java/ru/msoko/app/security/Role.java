package ru.msoko.app.security;

/** What territory a user works on. */
public enum Role {
    REGION("регион"),
    MUNICIPALITY("муниципалитет"),
    SCHOOL("школа");

    private final String title;

    Role(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}

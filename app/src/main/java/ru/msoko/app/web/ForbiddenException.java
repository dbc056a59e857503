package ru.msoko.app.web;

/** The thing asked for is outside the user's territory; the message is shown to the user in Russian. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}

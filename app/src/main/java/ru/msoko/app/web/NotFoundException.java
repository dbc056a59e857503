package ru.msoko.app.web;

/** The thing asked for does not exist; the message is shown to the user in Russian. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}

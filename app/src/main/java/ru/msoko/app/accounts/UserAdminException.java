package ru.msoko.app.accounts;

/** A user-management request that is refused, with the reason in Russian for the page or the command line. */
public class UserAdminException extends RuntimeException {

    UserAdminException(String message) {
        super(message);
    }
}

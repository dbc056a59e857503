package ru.msoko.app.accounts;

import java.util.List;

/** A new password that the {@link PasswordPolicy} refuses, with the reasons in Russian. */
public class PasswordRejectedException extends RuntimeException {

    private final List<String> reasons;

    PasswordRejectedException(List<String> reasons) {
        super(String.join(" ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}

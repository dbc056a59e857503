package ru.msoko.app.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import ru.msoko.app.security.MsokoUser;

/** Puts the signed-in user into every page model for the header. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("me")
    MsokoUser me(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof MsokoUser u ? u : null;
    }
}

package ru.msoko.app.directions;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The navigation menu lists the directions on every page. */
@ControllerAdvice
class NavigationAdvice {

    @ModelAttribute("directions")
    Direction[] directions() {
        return Direction.values();
    }
}

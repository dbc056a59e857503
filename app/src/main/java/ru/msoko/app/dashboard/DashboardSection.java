package ru.msoko.app.dashboard;

import java.util.Map;
import java.util.Optional;
import ru.msoko.app.security.Scope;

/**
 * A block of the dashboard below the key numbers and the territory table. Each block is a Spring bean; the
 * dashboard draws, in {@link #order()}, those that have something to show for the user's territory and year. A
 * block with nothing to show returns empty and is not drawn at all: the dashboard has no empty placeholders. The
 * overdue roadmap events and the open campaigns (later issues) come as further beans of this interface.
 */
public interface DashboardSection {

    /** Position on the page, smaller first. */
    int order();

    /** What to draw for this territory and year, or empty when there is nothing to show. */
    Optional<Shown> show(Scope scope, int year);

    /**
     * A block to draw: its heading, the template holding a fragment named {@code section} that reads the variable
     * {@code data}, and that data.
     */
    record Shown(String title, String template, Map<String, Object> data) {
    }
}

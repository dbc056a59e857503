package ru.msoko.app.dashboard;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.msoko.app.security.Scope;

/** «Загруженные процедуры»: results loaded per year and procedure within the territory. */
@Component
class LoadedSection implements DashboardSection {

    private final Dashboards dashboards;

    LoadedSection(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Shown> show(Scope scope, int year) {
        var loaded = dashboards.loaded(scope);
        return loaded.isEmpty() ? Optional.empty()
                : Optional.of(new Shown("Загруженные процедуры", "dashboard-sections", Map.of("loaded", loaded)));
    }
}

package ru.msoko.app.objectivity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.audit.Outcome;
import ru.msoko.core.objectivity.AnalysisData;
import ru.msoko.core.objectivity.AnalysisResult;
import ru.msoko.core.objectivity.ObjectivityEngine;
import ru.msoko.core.objectivity.ObjectivitySettings;
import ru.msoko.core.objectivity.OfficialMarker;
import ru.msoko.core.progress.Progress;

/** Runs the objectivity engine on the stored data and keeps the run. */
@Service
public class AnalysisService {

    private final AnalysisDataLoader loader;
    private final AnalysisRepository runs;
    private final Auditor auditor;

    AnalysisService(AnalysisDataLoader loader, AnalysisRepository runs, Auditor auditor) {
        this.auditor = auditor;
        this.loader = loader;
        this.runs = runs;
    }

    /** What a run produced and its number in the run history. */
    public record Run(long id, AnalysisResult result) {
    }

    /**
     * @param years years to report; empty = every year with data
     */
    @Transactional
    public Run analyse(Collection<Integer> years, ObjectivitySettings settings, String user) {
        return analyse(years, settings, user, Progress.NONE);
    }

    /** The steps reported to a progress bar, in order. */
    public static final List<String> STEPS = List.of("загрузка данных", "расчёт признаков", "запись результатов");

    /** The same, reporting its {@link #STEPS} to {@code progress} (a background job). */
    @Transactional
    public Run analyse(Collection<Integer> years, ObjectivitySettings settings, String user, Progress progress) {
        Instant started = Instant.now();
        step(progress, 0);
        AnalysisData data = loader.load(years.isEmpty() ? null : java.util.Collections.max(years));
        ObjectivityEngine engine = new ObjectivityEngine(settings);
        List<OfficialMarker> official = loader.officialMarkers();
        step(progress, 1);
        AnalysisResult result = years.isEmpty() ? engine.analyse(data, official) : engine.analyse(data, years, official);
        step(progress, 2);
        long id = runs.save(result, user, started, Instant.now());
        progress.done(STEPS.size());
        auditor.record(user, Auditor.What.of(Action.ANALYSIS_RUN, "analysis_run", id, "расчёт № " + id + ", годы: "
                + (years.isEmpty() ? "все" : years.stream().sorted().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "))), Outcome.OK));
        return new Run(id, result);
    }

    /** Step {@code i} of {@link #STEPS} begins: the bar stands at i of 3. */
    private static void step(Progress progress, int i) {
        progress.step(STEPS.get(i), i, STEPS.size());
    }
}

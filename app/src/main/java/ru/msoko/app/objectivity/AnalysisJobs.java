package ru.msoko.app.objectivity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import ru.msoko.app.jobs.JobKind;
import ru.msoko.app.jobs.Jobs;
import ru.msoko.core.objectivity.ObjectivitySettings;

/** An analysis run over all stored data as a background job (the risk page's button, the API with async=true). */
@Component
class AnalysisJobs {

    private final AnalysisService analysis;
    private final Jobs jobs;

    AnalysisJobs(AnalysisService analysis, Jobs jobs) {
        this.analysis = analysis;
        this.jobs = jobs;
    }

    /** A created job and whether a worker will run it (false: the queue was full). */
    record Submitted(long id, boolean started) {
    }

    Submitted submit(Authentication auth) {
        long id = jobs.create(JobKind.ANALYSIS, "Расчёт по всем данным", auth);
        String user = auth.getName();
        boolean started = jobs.start(id, auth, progress -> {
            AnalysisService.Run run = analysis.analyse(List.of(), ObjectivitySettings.defaults(), user, progress);
            return Jobs.Result.done("расчёт № " + run.id() + " выполнен: результатов учтено — " + run.result().results()
                    + ", признаков — " + run.result().signs().size(), "/risk", null);
        }, () -> { });
        return new Submitted(id, started);
    }
}

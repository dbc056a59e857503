package ru.msoko.app.jobs;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.NotFoundException;

/**
 * The background jobs of the user's territory and one job's page: a progress bar that htmx refreshes every second
 * while the job runs (the refreshed fragment stops asking once the job has ended), then the outcome.
 */
@Controller
class JobController {

    private static final int SHOWN = 100;

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs")
    String list(Scope scope, Authentication auth, Model model) {
        model.addAttribute("jobs", jobs.page(scope, auth, 0, SHOWN));
        return "jobs";
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable long id, Scope scope, Authentication auth, Model model) {
        addJob(id, scope, auth, model);
        return "job";
    }

    /** The part of the job's page that htmx polls. */
    @GetMapping("/jobs/{id}/progress")
    String progress(@PathVariable long id, Scope scope, Authentication auth, Model model) {
        addJob(id, scope, auth, model);
        return "job :: status";
    }

    /** Another territory's job is answered like one that never was. */
    private void addJob(long id, Scope scope, Authentication auth, Model model) {
        Job job = jobs.find(scope, auth, id).orElseThrow(() -> new NotFoundException("Задачи № " + id + " нет."));
        model.addAttribute("job", job);
        model.addAttribute("outcomes", job.ended() ? jobs.details(id) : null);
    }
}

package ru.msoko.app.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import ru.msoko.app.jobs.JobKind;
import ru.msoko.app.jobs.Jobs;
import ru.msoko.core.progress.Progress;

/**
 * Uploads as background jobs (the import page, and the API with {@code async=true}): the files are received into
 * server-named temp files while the request lasts, then imported one after another by a worker as the uploading
 * user; the temp files are deleted when the job ends, however it ends.
 */
@Component
class ImportJobs {

    private final ImportService service;
    private final Jobs jobs;

    ImportJobs(ImportService service, Jobs jobs) {
        this.service = service;
        this.jobs = jobs;
    }

    /** A created job and whether a worker will run it (false: the queue was full or the files did not arrive). */
    record Submitted(long id, boolean started) {
    }

    Submitted submit(List<MultipartFile> files, ImportOptions options, Authentication auth) {
        List<String> names = files.stream().map(f -> ImportController.safeName(f.getOriginalFilename())).toList();
        long id = jobs.create(JobKind.IMPORT, String.join(", ", names), auth);
        List<UploadedFile> received = new ArrayList<>();
        Runnable release = () -> received.forEach(UploadedFile::delete);
        try {
            for (int i = 0; i < files.size(); i++) {
                received.add(UploadedFile.receive(files.get(i), names.get(i), tempPrefix(id)));
            }
        } catch (IOException | RuntimeException e) {
            jobs.fail(id, "файлы не удалось принять: " + e.getMessage() + " — ничего не загружено", release);
            return new Submitted(id, false);
        }
        String user = auth.getName();
        return new Submitted(id, jobs.start(id, auth, p -> importAll(received, user, options, p), release));
    }

    /** The temp files of job {@code id} begin with this («msoko-job-12-»). */
    static String tempPrefix(long id) {
        return "msoko-job-" + id + "-";
    }

    /** Imports the files in order; the job fails when any file was rejected, with that file's Russian message. */
    private Jobs.Result importAll(List<UploadedFile> files, String user, ImportOptions options, Progress progress) {
        List<ImportOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            UploadedFile f = files.get(i);
            Progress p = files.size() == 1 ? progress
                    : progress.prefixed("файл " + (i + 1) + " из " + files.size() + " («" + f.name() + "»): ");
            outcomes.add(service.importFile(f.path(), f.name(), user, options.withProgress(f.estimating(p))));
        }
        String summary = String.join("\n", outcomes.stream().map(ImportOutcome::summary).toList());
        List<String> rejected = outcomes.stream().filter(o -> o instanceof ImportOutcome.Rejected)
                .map(ImportOutcome::summary).toList();
        return rejected.isEmpty() ? Jobs.Result.done(summary, "/imports", outcomes)
                : Jobs.Result.failed(String.join("; ", rejected), summary, "/imports", outcomes);
    }
}

package ru.msoko.app.jobs;

import ru.msoko.app.security.Permission;

/**
 * What a background job does, and the permission needed to see it in the list: an upload shows file names and the
 * import log's counts, so only users who may import see it. A report job would be one more constant here.
 */
public enum JobKind {
    IMPORT("Загрузка файлов", Permission.IMPORT),
    ANALYSIS("Анализ объективности", Permission.VIEW);

    private final String title;
    private final Permission reader;

    JobKind(String title, Permission reader) {
        this.title = title;
        this.reader = reader;
    }

    public String title() {
        return title;
    }

    /** Who may see jobs of this kind within their territory. */
    public Permission reader() {
        return reader;
    }
}

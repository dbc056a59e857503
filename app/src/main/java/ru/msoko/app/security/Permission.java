package ru.msoko.app.security;

/**
 * What a role may do; pages and endpoints are guarded by permissions (Spring authority {@code PERM_<NAME>}),
 * never by role names. The territory a permission applies to is the user's {@link Scope}.
 */
public enum Permission {
    /** Read pages and the API of its territory. */
    VIEW("просмотр данных своей территории"),
    /** Upload files, roll imports back, read the import log. */
    IMPORT("загрузка файлов, откат загрузок, журнал загрузок"),
    /** Start an objectivity analysis run. */
    ANALYZE("запуск анализа объективности"),
    /** Create, disable, unlock users and reset their passwords inside its territory, never a role above its own. */
    MANAGE_USERS("управление пользователями своей территории"),
    /** Read the audit log of its territory. */
    AUDIT("чтение журнала аудита своей территории"),
    /** Download pupil-level files (e.g. the rejected rows of an import). */
    PUPIL_DATA("выгрузка файлов с данными отдельных учеников"),
    /** Change installation settings. */
    SETTINGS("изменение настроек системы");

    private final String title;

    Permission(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The Spring Security authority, e.g. {@code PERM_IMPORT}. */
    public String authority() {
        return "PERM_" + name();
    }
}

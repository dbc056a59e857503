package ru.msoko.app.audit;

/** What an audit event records; the code is stored, the title shown. */
public enum Action {
    LOGIN("вход в систему"),
    LOGIN_FAILED("неудачная попытка входа"),
    LOGOUT("выход из системы"),
    IMPORT("загрузка файла"),
    IMPORT_REJECTED("отклонённая загрузка"),
    IMPORT_DUPLICATE("повторная загрузка (ничего не изменено)"),
    IMPORT_ROLLBACK("отмена загрузки"),
    PUPIL_DATA_DOWNLOAD("выгрузка данных участников"),
    ANALYSIS_RUN("расчёт анализа объективности"),
    REPORT_DOWNLOAD("выгрузка отчёта"),
    AUDIT_EXPORT("выгрузка журнала аудита"),
    EDIT("изменение данных"),
    DECISION("решение"),
    USER_CHANGE("изменение пользователя"),
    SETTINGS_CHANGE("изменение настроек"),
    RETENTION("удаление записей участников по сроку хранения"),
    BACKUP("резервная копия"),
    RESTORE("восстановление из копии"),
    ACCESS_DENIED("отказ в доступе");

    private final String title;

    Action(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}

package ru.msoko.core.objectivity;

/** Stable codes of the signs (DESIGN §5); the names never change, new ones may be added. */
public enum SignCode {
    OUTLIER_MEAN(MarkerClass.LEVEL, "B.1", "результат значимо выше группы сопоставимых ОО"),
    NOT_CONFIRMED_BY_GIA(MarkerClass.STRONG, "A.1", "высокий результат ВПР не подтверждён ГИА"),
    NOT_CONFIRMED_NEXT_PROCEDURE(MarkerClass.STRONG, "A.4", "результат ВПР 8 класса не подтверждён ОГЭ"),
    HARD_BETTER_THAN_EASY(MarkerClass.STRONG, "A.2", "трудные задания выполнены лучше лёгких"),
    PERSON_MISFIT(MarkerClass.SUPPORTING, "G.3", "много нетипичных профилей выполнения"),
    JOURNAL_INFLATED(MarkerClass.INTERNAL_ASSESSMENT, "A.3", "отметки по журналу выше отметок ВПР"),
    JOURNAL_DEFLATED(MarkerClass.SUPPORTING, "A.3", "отметки ВПР выше отметок по журналу"),
    THRESHOLD_HEAPING(MarkerClass.STRONG, "A.5", "скопление работ у границ отметок"),
    ANSWER_SIMILARITY(MarkerClass.STRONG, "G.4", "совпадающие профили выполнения в классе"),
    COHORT_JUMP(MarkerClass.STRONG, "A.4", "результат не подтвердился через год у тех же обучающихся"),
    YEAR_JUMP(MarkerClass.SUPPORTING, "A.6", "резкий рост результата по сравнению с прошлыми годами"),
    CONTEXT_RESIDUAL(MarkerClass.SUPPORTING, "B.2", "результат ВПР выше ожидаемого по ГИА и контексту"),
    DISTRIBUTION_SHAPE(MarkerClass.SUPPORTING, "A.7", "нетипичная форма распределения"),
    OLYMPIAD_NOT_CONFIRMED(MarkerClass.STRONG, "E", "победы школьного этапа не подтверждены на муниципальном"),
    MEDAL_NOT_CONFIRMED(MarkerClass.STRONG, "C.2", "отметки претендентов на медаль не подтверждены ЕГЭ"),
    SCHOOL_MARKS_INFLATED(MarkerClass.INTERNAL_ASSESSMENT, "C.1", "годовые отметки выше отметок ОГЭ"),
    RECHECK_DISCREPANCY(MarkerClass.CONFIRMING, "A.8", "перепроверка изменила отметки"),
    CONTROLLED_DROP(MarkerClass.CONFIRMING, "A.8", "результат упал на ВПР с контролем объективности"),
    OFFICIAL_MARKER(MarkerClass.OFFICIAL, "§2", "ОО в официальном перечне ФИС ОКО");

    private final MarkerClass markerClass;
    private final String method;
    private final String title;

    SignCode(MarkerClass markerClass, String method, String title) {
        this.markerClass = markerClass;
        this.method = method;
        this.title = title;
    }

    public MarkerClass markerClass() {
        return markerClass;
    }

    /** Section of methods.md that defines the rule. */
    public String method() {
        return method;
    }

    /** Short Russian title for tables and badges. */
    public String title() {
        return title;
    }
}

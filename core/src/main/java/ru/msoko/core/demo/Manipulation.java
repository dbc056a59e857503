package ru.msoko.core.demo;

/** Kinds of non-objective behaviour planted in some demo schools (the ground truth for detection tests). */
enum Manipulation {
    /** Pupils one or two points below the «3» or «4» threshold are pushed over it: heaping at thresholds. */
    LENIENT_MARKING("баллы участников, не добравших 1–2 балла до «3» или «4», подняты до порога"),
    /** Hard tasks solved far more often than the pupils' level explains: hints during the work. */
    HINTS("трудные задания решены намного чаще, чем позволяет уровень подготовки (подсказки)"),
    /** Most of a class hands in the same answers. */
    COPYING("большинство участников одного класса сдали одинаковые ответы"),
    /** Journal marks well above the marks of the work. */
    JOURNAL_INFLATED("отметки в журнале завышены относительно отметок за работу"),
    /** The whole ВПР inflated, not confirmed by ОГЭ/ЕГЭ. */
    INFLATED_NOT_CONFIRMED("результаты ВПР завышены и не подтверждаются ОГЭ/ЕГЭ"),
    /** Many school-stage winners who then fail at the municipal stage. */
    OLYMPIAD_INFLATED("много победителей школьного этапа, не подтверждённых на муниципальном");

    final String description;

    Manipulation(String description) {
        this.description = description;
    }
}

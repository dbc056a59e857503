package ru.msoko.core.domain;

import java.util.Locale;
import java.util.Optional;

/** Kinds of assessment procedures, with the codes used in the canonical format (DESIGN §4). */
public enum ProcedureKind {
    VPR("ВПР", "Всероссийские проверочные работы"),
    NIKO("НИКО", "Национальные исследования качества образования"),
    RDR("РДР", "Региональная диагностическая работа"),
    OGE("ОГЭ", "Основной государственный экзамен"),
    GVE9("ГВЭ-9", "Государственный выпускной экзамен, 9 класс"),
    EGE("ЕГЭ", "Единый государственный экзамен"),
    GVE11("ГВЭ-11", "Государственный выпускной экзамен, 11 класс"),
    ESSAY("ИС", "Итоговое сочинение"),
    INTERVIEW("ИС-9", "Итоговое собеседование"),
    RPR("РПР", "Региональная проверочная работа"),
    MPR("МПР", "Муниципальная проверочная работа"),
    TRIAL("ПЭ", "Пробный экзамен"),
    OLYMPIAD_SCHOOL("ВсОШ-ШЭ", "ВсОШ, школьный этап"),
    OLYMPIAD_MUNICIPAL("ВсОШ-МЭ", "ВсОШ, муниципальный этап"),
    OLYMPIAD_REGIONAL("ВсОШ-РЭ", "ВсОШ, региональный этап"),
    OLYMPIAD_FINAL("ВсОШ-ЗЭ", "ВсОШ, заключительный этап");

    private final String code;
    private final String title;

    ProcedureKind(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public boolean isOlympiad() {
        return name().startsWith("OLYMPIAD");
    }

    /** Pass/fail procedures: the result is зачёт/незачёт rather than a mark 2–5. */
    public boolean isPassFail() {
        return this == ESSAY || this == INTERVIEW;
    }

    public boolean isStateExam() {
        return this == OGE || this == GVE9 || this == EGE || this == GVE11;
    }

    /** Accepts the code in any case, with «Е»/«Ё» and a space or dash before the stage. */
    public static Optional<ProcedureKind> fromCode(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String key = normalise(raw);
        for (ProcedureKind kind : values()) {
            if (normalise(kind.code).equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String s) {
        return s.trim().toUpperCase(Locale.ROOT).replace('Ё', 'Е').replace(' ', '-').replace('–', '-');
    }
}

package ru.msoko.app.directions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ru.msoko.core.domain.ProcedureKind;

/**
 * Directions of the municipal quality management mechanisms (DESIGN §2.4), each with the procedures
 * whose data feed it.
 */
public enum Direction {
    OBJECTIVITY("objectivity", "Объективность оценивания",
            "Признаки необъективных результатов ВПР, ГИА и олимпиад, зоны риска школ, перепроверки и наблюдение.",
            List.of(ProcedureKind.VPR, ProcedureKind.OGE, ProcedureKind.EGE, ProcedureKind.OLYMPIAD_SCHOOL,
                    ProcedureKind.OLYMPIAD_MUNICIPAL)),
    QUALITY("quality", "Качество подготовки обучающихся",
            "Результаты ВПР, НИКО, ОГЭ, ЕГЭ, итогового сочинения и собеседования: базовый и высокий уровень, "
                    + "доля ниже минимума, динамика по годам.",
            List.of(ProcedureKind.VPR, ProcedureKind.NIKO, ProcedureKind.OGE, ProcedureKind.EGE, ProcedureKind.GVE9,
                    ProcedureKind.GVE11, ProcedureKind.ESSAY, ProcedureKind.INTERVIEW)),
    LOW_RESULTS("low-results", "Школы с низкими результатами",
            "ШНОР и школы в неблагоприятных условиях: выявление, программы улучшения, сопровождение.",
            List.of(ProcedureKind.VPR, ProcedureKind.OGE, ProcedureKind.EGE)),
    GIFTED("gifted", "Одарённые дети",
            "Всероссийская олимпиада школьников по этапам, база данных одарённых детей.",
            List.of(ProcedureKind.OLYMPIAD_SCHOOL, ProcedureKind.OLYMPIAD_MUNICIPAL, ProcedureKind.OLYMPIAD_REGIONAL,
                    ProcedureKind.OLYMPIAD_FINAL)),
    CAREER("career", "Профориентация",
            "«Билет в будущее», выбор профиля и экзаменов по выбору.", List.of(ProcedureKind.OGE, ProcedureKind.EGE)),
    HEADS("heads", "Эффективность руководителей",
            "Мониторинг эффективности руководителей ОО: показатели, анализ, рекомендации, решения.", List.of()),
    TEACHERS("teachers", "Профессиональное развитие педагогов",
            "Выявление дефицитов, курсы повышения квалификации, реестр эффективных практик.", List.of()),
    METHODICAL("methodical", "Методическая работа",
            "Работа муниципальной методической службы и методических объединений.", List.of()),
    UPBRINGING("upbringing", "Воспитание и социализация",
            "Показатели воспитательной работы, занятость детей, профилактика.", List.of());

    private final String slug;
    private final String title;
    private final String description;
    private final List<ProcedureKind> procedures;

    Direction(String slug, String title, String description, List<ProcedureKind> procedures) {
        this.slug = slug;
        this.title = title;
        this.description = description;
        this.procedures = procedures;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<ProcedureKind> procedures() {
        return procedures;
    }

    static Optional<Direction> bySlug(String slug) {
        return Arrays.stream(values()).filter(d -> d.slug.equals(slug)).findFirst();
    }

    /** The seven stages of the management cycle every direction must show (DESIGN §1). */
    static final List<String> CYCLE = List.of("Цели", "Показатели", "Методы сбора информации и мониторинг", "Анализ",
            "Адресные рекомендации", "Меры и управленческие решения", "Анализ эффективности принятых мер");
}

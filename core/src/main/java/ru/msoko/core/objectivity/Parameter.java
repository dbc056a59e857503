package ru.msoko.core.objectivity;

/**
 * Every threshold of the objectivity analysis, with its default (methods.md §I.1 unless noted) and the
 * section of methods.md it comes from. Most defaults are the catalogue's [INFERRED] proposals: they are
 * settings precisely because they must be calibrated on real data and approved by methodists.
 */
public enum Parameter {
    MIN_N("min.n", 10, "§1.4", "минимальное число участников в ОО для статистического признака"),
    MIN_N_EXACT("min.n.exact", 5, "§1.4", "минимальное число для точных тестов долей"),
    FDR_Q("fdr.q", 0.05, "§A.9.1", "уровень FDR (Бенджамини — Хохберг) по всем признакам одного расчёта"),
    CONFIDENCE("ci.level", 0.95, "§B.1", "уровень доверительных интервалов"),
    OUTLIER_P("outlier.p", 0.01, "§B.1", "уровень значимости отличия ОО от группы сопоставимых ОО"),
    GROUP_MIN_SCHOOLS("group.min.schools", 5, "§B.1 [вывод]", "минимум ОО в группе сравнения, иначе группа укрупняется"),
    A1_T("a1.t", 2.58, "§A.1", "t-статистика превышения над регионом"),
    A1_EFFECT("a1.effect.sd", 1.0, "§A.1", "превышение над регионом в межшкольных ст. откл."),
    A1_PERCENTILE("a1.percentile", 0.90, "§A.1", "процентиль ОО по ВПР (альтернатива порогу эффекта)"),
    A1_GIA_PERCENTILE("a1.gia.percentile", 0.50, "§A.1", "процентиль ГИА, не выше которого результат не подтверждён"),
    A1_GAP("a1.gap", 0.40, "§A.1", "разрыв процентилей ВПР и ГИА"),
    A1_GIA_YEARS("a1.gia.years", 3, "§A.1", "число лет ГИА для подтверждения"),
    A2_EASY("a2.easy", 0.70, "§A.2", "решаемость по региону, с которой задание считается лёгким"),
    A2_HARD("a2.hard", 0.40, "§A.2", "решаемость по региону, до которой задание считается трудным"),
    A2_GAP("a2.gap", 0.15, "§A.2", "разрыв D_hard − D_easy"),
    A2_SLOPE_P("a2.slope.p", 0.01, "§A.2", "уровень перестановочного теста наклона"),
    A2_PERMUTATIONS("a2.permutations", 10000, "§A.2", "число перестановок"),
    PERSON_FIT_ALPHA("g3.alpha", 0.05, "§G.3", "доля участников, выделяемых индексом U3 в регионе"),
    PERSON_FIT_P("g3.p", 0.01, "§G.3", "уровень биномиального теста доли нетипичных профилей в ОО"),
    A3_UP_SHARE("a3.up.share", 0.20, "§A.3", "доля «повысили» (ВПР выше журнала)"),
    A3_DOWN_SHARE("a3.down.share", 0.40, "§A.3", "доля «понизили» (ВПР ниже журнала)"),
    A3_Z("a3.z", 2.0, "§A.3", "z-статистика доли против региона"),
    A5_WINDOW("a5.window", 2, "§A.5", "окно у порога отметки (баллов ниже и выше)"),
    A5_P("a5.p", 0.01, "§A.5", "уровень объединённого (Фишер) теста скачка у порогов"),
    A5_MIN_WINDOW_N("a5.min.n", 8, "§A.5", "минимум работ в окне у порогов"),
    A5_EXCESS("a5.excess", 0.20, "§A.5", "превышение доли работ на пороге над регионом"),
    A5_DEGREE("a5.degree", 5, "§A.5", "степень полинома в оценке bunching"),
    A5_BOOTSTRAP("a5.bootstrap", 1000, "§A.5", "повторов бутстрепа"),
    G4_ALPHA("g4.alpha", 0.001, "§G.4", "уровень для пары работ (с поправкой Бонферрони внутри класса)"),
    G4_CLUSTER("g4.cluster", 3, "§G.4", "минимальный размер группы совпадающих работ"),
    A4_Z("a4.z", 1.0, "§A.4", "Z высокого года"),
    A4_DROP("a4.drop", -1.0, "§A.4", "падение Z через год"),
    A4_SCORECOMP("a4.scorecomp.percentile", 0.95, "§A.4/G.1", "процентиль SCORECOMP"),
    A6_JUMP("a6.jump", 1.0, "§A.6", "скачок Z относительно двух прошлых лет"),
    B2_RESIDUAL("b2.residual", 2.0, "§B.2", "стандартизованный остаток регрессии"),
    B2_MIN_SCHOOLS("b2.min.schools", 15, "§B.2 [вывод]", "минимум ОО для регрессии"),
    E_CONFIRMATION_RATIO("e.cr.ratio", 0.5, "§E", "доля подтверждения ОО относительно муниципалитета"),
    E_COLLAPSE("e.collapse", 0.5, "§E", "доля «провалившихся» (<25% максимума) на МЭ"),
    E_MIN_N("e.min.n", 5, "§E", "минимум победителей и призёров ШЭ, участвовавших в МЭ"),
    C2_FAIL("c2.fail", 0.5, "§C.2", "доля претендентов на медаль, не подтвердивших отметки"),
    C2_MIN_N("c2.min.n", 3, "§C.2", "минимум претендентов"),
    C2_RUSSIAN("c2.russian.min", 60, "§C.2", "балл ЕГЭ по русскому (медаль II степени; для I степени — 70)"),
    C1_GAP("c1.gap", 0.5, "§C.1", "разница годовой отметки и отметки ОГЭ"),
    A8_CHANGED("a8.changed", 0.15, "§A.8", "доля работ с изменённой при перепроверке отметкой"),
    A8_DELTA("a8.delta", 1.0, "§A.8", "средняя разница баллов ОО и эксперта"),
    A8_DROP("a8.drop", 1.0, "§A.8", "падение Z ОО на ВПР с контролем объективности против прошлых лет"),
    A8_CONTROLLED("a8.controlled", 0.5, "§A.8 [вывод]", "доля работ ОО с наблюдателем, при которой ВПР считается прошедшей под контролем"),
    A7_TOP_P("a7.top.p", 0.001, "§A.7", "уровень теста доли «5»"),
    A7_TOP_EXCESS("a7.top.excess", 0.25, "§A.7", "превышение доли «5» над регионом"),
    A7_SPREAD("a7.spread", 0.5, "§A.7", "отношение SD ОО к SD региона («сжатое» распределение)");

    private final String key;
    private final double defaultValue;
    private final String source;
    private final String description;

    Parameter(String key, double defaultValue, String source, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.source = source;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public String source() {
        return source;
    }

    public String description() {
        return description;
    }
}

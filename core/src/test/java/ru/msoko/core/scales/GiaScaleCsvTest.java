package ru.msoko.core.scales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.ProcedureKind;

class GiaScaleCsvTest {

    private static final Map<String, String> SUBJECTS = Map.ofEntries(Map.entry("русский язык", "RU"),
            Map.entry("математика", "MA"), Map.entry("математика (профильная)", "MAP"),
            Map.entry("математика (базовая)", "MAB"), Map.entry("физика", "PH"), Map.entry("химия", "CH"),
            Map.entry("биология", "BI"), Map.entry("география", "GE"), Map.entry("обществознание", "SO"),
            Map.entry("история", "HI"), Map.entry("литература", "LI"), Map.entry("информатика", "IN"),
            Map.entry("английский язык", "EN"), Map.entry("немецкий язык", "DE"), Map.entry("французский язык", "FR"),
            Map.entry("испанский язык", "ES"), Map.entry("китайский язык", "ZH"));
    private static final String HEADER = "procedure;year;subject;grade;form;variant;entry;mark;primary_from;primary_to;"
            + "test_score;tasks;min_sum;source;note\n";

    @TempDir
    Path dir;

    private static Optional<String> subject(String name) {
        return Optional.ofNullable(SUBJECTS.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    private GiaScaleCsv.Summary read(String text) throws IOException {
        Path file = dir.resolve("gia.csv");
        Files.writeString(file, text);
        return new GiaScaleCsv(GiaScaleCsvTest::subject).read(file, "gia.csv", 100);
    }

    /** The repository's reference/gia-scales.csv (the module's parent when tests run in core). */
    static Path reference() {
        Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (!Files.exists(d.resolve("reference/gia-scales.csv"))) {
            d = d.getParent();
        }
        return d.resolve("reference/gia-scales.csv");
    }

    /**
     * The shipped file: ОГЭ 2024 — 10 subjects + 4 foreign languages = 14; ГВЭ-9 written — 8 subjects (2024) +
     * mathematics 2023 letters А and С = 10; ЕГЭ 2026 — 10 subjects + 5 languages with a minimum = 15, plus base
     * mathematics = 16; 40 in all (counted from data-formats §2.3, §2.4).
     */
    @Test
    void theShippedReferenceFileReadsWithoutProblems() throws IOException {
        var summary = new GiaScaleCsv(GiaScaleCsvTest::subject).read(reference(), "gia-scales.csv", 100);

        assertThat(summary.problems().list()).isEmpty();
        assertThat(summary.scales()).hasSize(40);
        assertThat(summary.scales().stream().filter(s -> s.key().kind() == ProcedureKind.OGE)).hasSize(14);
        GiaScale russian = summary.scales().stream().filter(s -> s.key().kind() == ProcedureKind.EGE
                && s.key().subjectCode().equals("RU")).findFirst().orElseThrow();
        assertThat(russian.minimum()).isEqualTo(24);
        assertThat(russian.admissionMinimum()).isEqualTo(36);
        GiaScale maths = summary.scales().stream().filter(s -> s.key().kind() == ProcedureKind.OGE
                && s.key().subjectCode().equals("MA")).findFirst().orElseThrow();
        assertThat(maths.rules()).containsExactly(new GiaScale.Rule(3, List.of("15", "16", "17", "18", "19", "23", "24",
                "25"), 2));
        assertThat(summary.scales().stream().filter(s -> s.key().variant().equals("С"))).hasSize(1);
    }

    /** data-formats §2.3: ГВЭ-9 informatics as on csedu.ru, 0–6/5–8/9–11/12–14 — «3» overlaps «2». */
    @Test
    void theOverlapOfThePublishedGve9InformaticsScaleIsNamedAtItsRow() throws IOException {
        String csv = HEADER + """
                ГВЭ-9;2024;Информатика;9;письменная;;mark;2;0;6;;;;csedu.ru;
                ГВЭ-9;2024;Информатика;9;письменная;;mark;3;5;8;;;;csedu.ru;
                ГВЭ-9;2024;Информатика;9;письменная;;mark;4;9;11;;;;csedu.ru;
                ГВЭ-9;2024;Информатика;9;письменная;;mark;5;12;14;;;;csedu.ru;
                """;

        var summary = read(csv);

        assertThat(summary.scales()).isEmpty();
        assertThat(summary.problems().list()).extracting(Problem::describe).containsExactly(
                "gia.csv, строка 3, столбец «primary_from»: шкала ГВЭ-9 2024, IN, 9 класс, форма «письменная»: "
                        + "отметка «3» (5–8) пересекается с отметкой «2» (0–6) на баллах 5–6");
    }

    /** Hand-made ЕГЭ rows (not real numbers): 0→0, 1–2→4 (one row for a range), 3→3 (decreasing), 5→9 (4 missing). */
    @Test
    void aDecreasingOrGappedTestTableIsRejectedAtThePrimaryScore() throws IOException {
        String csv = HEADER + """
                ЕГЭ;2026;Физика;11;;;test;;0;;0;;;;
                ЕГЭ;2026;Физика;11;;;test;;1;2;4;;;;
                ЕГЭ;2026;Физика;11;;;test;;3;;3;;;;
                ЕГЭ;2026;Физика;11;;;test;;5;;9;;;;
                ЕГЭ;2026;Физика;11;;;minimum;;;;36;;;;
                """;

        var summary = read(csv);

        assertThat(summary.problems().list()).extracting(Problem::describe).containsExactly(
                "gia.csv, строка 4, столбец «test_score»: шкала ЕГЭ 2026, PH, 11 класс: первичный балл 3 даёт тестовый "
                        + "балл 3, меньше, чем 4 за первичный балл 2: таблица должна не убывать",
                "gia.csv, строка 5, столбец «test_score»: шкала ЕГЭ 2026, PH, 11 класс: пропущен первичный балл 4");
    }

    @Test
    void aTableWithItsMinimumAndARuleAreReadFromScatteredRows() throws IOException {
        String csv = HEADER + """
                ЕГЭ;2026;Физика;;;;test;;0;;0;;;;
                ОГЭ;2024;Математика;9;;;rule;3;;;;15-19 23-25;2;;геометрия
                ЕГЭ;2026;Физика;;;;тестовый балл;;1;2;7;;;;
                ЕГЭ;2026;Физика;;;;минимум;;;;36;;;приказ;
                ОГЭ;2024;Математика;9;;;mark;2;0;7;;;;;
                ОГЭ;2024;Математика;9;;;mark;3;8;14;;;;;
                ОГЭ;2024;Математика;9;;;mark;4;15;21;;;;;
                ОГЭ;2024;Математика;9;;;mark;5;22;31;;;;;
                """;

        var summary = read(csv);

        assertThat(summary.problems().list()).isEmpty();
        GiaScale physics = summary.scales().get(0);
        assertThat(physics.key()).isEqualTo(new GiaScale.Key(ProcedureKind.EGE, 2026, "PH", 11, "", ""));
        assertThat(physics.table()).containsExactly(new GiaScale.Point(0, 0), new GiaScale.Point(1, 7),
                new GiaScale.Point(2, 7));
        assertThat(physics.minimum()).isEqualTo(36);
        assertThat(physics.source()).isEqualTo("приказ");
        assertThat(summary.scales().get(1).rules()).hasSize(1);
        assertThat(summary.scales().get(1).note()).isEqualTo("геометрия");
    }

    @Test
    void rowsThatCannotBeReadAreNamed() throws IOException {
        String csv = HEADER + """
                ВПР;2024;Математика;5;;;mark;2;0;7;;;;;
                ОГЭ;2024;Математика;11;;;mark;2;0;7;;;;;
                ОГЭ;2024;Математика;9;;;band;2;0;7;;;;;
                ЕГЭ;2026;Физика;11;;;minimum;;;;36;;;;
                ЕГЭ;2026;Физика;11;;;minimum;;;;40;;;;
                """;

        assertThat(read(csv).problems().list()).extracting(Problem::describe).containsExactly(
                "gia.csv, строка 2, столбец «procedure»: «ВПР» — не ГИА: ожидается ОГЭ, ГВЭ-9, ГВЭ-11 или ЕГЭ",
                "gia.csv, строка 3, столбец «grade»: ОГЭ сдают в 9 классе, а указан 11",
                "gia.csv, строка 4, столбец «entry»: «band» — неизвестная часть шкалы: ожидается mark, test, minimum, "
                        + "admission_minimum или rule",
                "gia.csv, строка 6, столбец «entry»: минимальный балл этой шкалы уже указан (строка 5)");
    }
}

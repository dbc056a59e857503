package ru.msoko.core.fisoko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.Result;
import ru.msoko.core.scales.MarkScale;
import ru.msoko.core.scales.MarkScaleCsv;
import ru.msoko.core.support.RealData;

/** The real Altai Krai exports (vpr-altai-krai-fisoko/SOURCE.md): the counts stated there, measured by our reader. */
class RealExportsTest {

    private static final String RESULTS_2021 = "vpr-altai-krai-fisoko/vpr_results/2021/";

    private record Read(FisOkoReader.Summary summary, List<Result> results) {
    }

    private static Read read(String relative) throws IOException {
        Path file = RealData.require(RESULTS_2021 + relative);
        Codifiers codifiers = Codifiers.folder(RealData.require("vpr-altai-krai-fisoko/Описание_работ"), TestDirectory.all());
        List<MarkScale> scales = scales();
        WorkReference reference = new WorkReference(codifiers::layout, key -> scales.stream()
                .filter(s -> s.key().equals(key)).mapToInt(MarkScale::maxPrimary).findFirst());
        List<Result> results = new java.util.ArrayList<>();
        var summary = new FisOkoReader(TestDirectory.all(), s -> s, reference).read(file, file.getFileName().toString(),
                FileHints.of(file, file.getFileName().toString()), new Problems(100_000),
                (CanonicalResultsReader.Sink) (row, r) -> results.add(r));
        return new Read(summary, results);
    }

    private static List<MarkScale> scales() throws IOException {
        Path csv = RealData.require("vpr-scales-2021/vpr-2021-mark-scales.csv");
        return new MarkScaleCsv(TestDirectory.all()::subjectCode, List.of()).read(csv, "scales.csv", 100).scales();
    }

    @ParameterizedTest
    @CsvSource({
            "'4/Проведение работы по математике, 4 класс. ВПР 2021.xlsx', 26666, 24933, 631",
            "'4/Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx', 26595, 24969, 628",
            "'5/Проведение работы по математике, 5 класс. ВПР 2021.xlsx', 26139, 23705, 634",
            "'5/Проведение работы по русскому языку, 5 класс. ВПР 2021.xlsx', 26501, 23785, 633"})
    void countsRowsResultsAndSchoolsAsTheSourceStates(String file, long rows, long withResult, int schools)
            throws IOException {
        Read read = read(file);
        Set<String> schoolsWithResult = new HashSet<>();
        read.results().stream().filter(r -> !r.absent()).forEach(r -> schoolsWithResult.add(r.schoolCode()));

        assertThat(read.summary().rows()).isEqualTo(rows);
        assertThat(read.summary().rows() - read.summary().absent()).isEqualTo(withResult);
        assertThat(schoolsWithResult).hasSize(schools);
        assertThat(read.summary().layout().size()).isEqualTo(read.results().stream()
                .filter(r -> r.tasks() != null).findFirst().orElseThrow().tasks().size());
    }

    /** data-formats §1.7: 16 totals above the maximum of 20 in МА-4 2021. */
    @Test
    void reportsTheSixteenTotalsAboveTheMaximumInMaths4WithTheirRows() throws IOException {
        Read read = read("4/Проведение работы по математике, 4 класс. ВПР 2021.xlsx");

        List<Problem> totals = read.summary().problems().list().stream()
                .filter(p -> "всего баллов".equals(p.column())).toList();

        assertThat(totals).extracting(Problem::row).containsExactly(7053L, 7055L, 7057L, 7058L, 21235L, 21236L,
                21239L, 21240L, 21241L, 21242L, 21245L, 21246L, 21248L, 21251L, 21255L, 21256L);
        assertThat(totals.get(0).describe()).isEqualTo("Проведение работы по математике, 4 класс. ВПР 2021.xlsx, "
                + "лист «Sheet», строка 7053, столбец «всего баллов»: первичный балл 21 больше максимального балла работы (20)");
        assertThat(read.summary().layout().format())
                .isEqualTo("1=1;2=1;3=2;4=1;5.1=1;5.2=1;6.1=1;6.2=1;7=1;8=2;9.1=1;9.2=1;10=2;11=2;12=2");
    }

    /** SOURCE.md: МА-5 2021 against the journal — понизили 35.4 %, подтвердили 57.6 %, повысили 7.1 %. */
    @Test
    void theMaths5JournalComparisonMatchesThePublishedSplit() throws IOException {
        Read read = read("5/Проведение работы по математике, 5 класс. ВПР 2021.xlsx");
        MarkScale scale = scales().stream().filter(s -> s.key().equals(read.summary().procedure())).findFirst().orElseThrow();
        long lower = 0;
        long same = 0;
        long higher = 0;
        for (Result r : read.results()) {
            if (r.absent() || r.journalMark() == null || r.primaryScore() == null) {
                continue;
            }
            int mark = scale.mark(r.primaryScore()).orElseThrow();
            if (mark < r.journalMark()) {
                lower++;
            } else if (mark == r.journalMark()) {
                same++;
            } else {
                higher++;
            }
        }
        double all = lower + same + higher;

        assertThat(100 * lower / all).isCloseTo(35.4, within(1.5));
        assertThat(100 * same / all).isCloseTo(57.6, within(1.5));
        assertThat(100 * higher / all).isCloseTo(7.1, within(1.5));
        System.out.printf("МА-5 2021 против журнала: понизили %.1f %%, подтвердили %.1f %%, повысили %.1f %% (n = %d)%n",
                100 * lower / all, 100 * same / all, 100 * higher / all, (long) all);
    }

    /**
     * All 21 forms of 2022 are read; the only problems are real scores above their task's maximum: 3 for the
     * English criterion 6К3 worth 2, and 2 for the history task 12 worth 1.
     */
    @Test
    void everyRealFormOf2022IsReadAndItsScoresAboveTheMaximumAreReported() throws IOException {
        Path folder = RealData.require("vpr-altai-krai-fisoko/vpr_results/2022");
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(folder)) {
            files = walk.filter(f -> f.toString().endsWith(".xlsx") && !f.getFileName().toString().startsWith("Сбор"))
                    .sorted().toList();
        }
        java.util.Map<String, Long> problems = new java.util.TreeMap<>();
        long rows = 0;
        for (Path f : files) {
            var summary = new FisOkoReader(TestDirectory.all(), s -> s, WorkReference.NONE).read(f,
                    f.getFileName().toString(), FileHints.of(f, f.getFileName().toString()), new Problems(10),
                    (CanonicalResultsReader.Sink) (row, r) -> { });
            summary.problems().list().forEach(p -> assertThat(p.message()).contains("больше максимума за задание"));
            if (!summary.problems().isEmpty()) {
                problems.put(f.getParent().getFileName() + "/" + f.getFileName(), summary.problems().total());
            }
            rows += summary.rows();
            assertThat(summary.procedure().grade()).as(f.toString())
                    .isEqualTo(Integer.parseInt(f.getParent().getFileName().toString()));
            assertThat(summary.procedure().year()).isEqualTo(2022);
        }

        assertThat(files).hasSize(21);
        assertThat(rows).isEqualTo(13_652);
        assertThat(problems).isEqualTo(java.util.Map.of("11/Английский язык.xlsx", 2L, "11/История.xlsx", 43L));
    }

    @Test
    void readsTheCodifierOfRussian4WithCyrillicCriteria() {
        var layout = Codifiers.read(RealData.require("vpr-altai-krai-fisoko/Описание_работ/4/Русский язык/ALL.xlsx"));
        assertThat(layout.size()).isEqualTo(20);
        assertThat(layout.maxTotal()).isEqualTo(38);
        assertThat(layout.tasks().get(0)).isEqualTo(new ru.msoko.core.domain.TaskLayout.Task("1К1", 4));
    }

    @Test
    void aCodifierIsFoundByGradeAndSubjectFolder() {
        Codifiers codifiers = Codifiers.folder(RealData.require("vpr-altai-krai-fisoko/Описание_работ"), TestDirectory.all());
        var key = new ru.msoko.core.domain.Procedure.Key(ru.msoko.core.domain.ProcedureKind.VPR, 2021, "RU", 5);
        assertThat(codifiers.layout(key)).map(l -> l.maxTotal()).isEqualTo(Optional.of(45));
    }
}

package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.fisoko.Codifiers;
import ru.msoko.core.fisoko.FileHints;
import ru.msoko.core.fisoko.FisOkoReader;
import ru.msoko.core.fisoko.WorkReference;
import ru.msoko.core.scales.MarkScale;
import ru.msoko.core.scales.MarkScaleCsv;
import ru.msoko.core.support.RealData;

/**
 * The engine on the real ФИС ОКО regional exports of the Altai region, ВПР 2021, grades 4–5 (read from
 * {@code ../shared/data/public}, never copied): the marks come from the official 2021 scale, as the file has
 * none. The raw counts at the «3» threshold are the ones the issue quotes; the region-level bunching estimate
 * must find the missing mass below it. The run's files are left in {@code target/altai-2021/} for reading.
 */
class AltaiAnalysisTest {

    private static final String FOLDER = "vpr-altai-krai-fisoko/vpr_results/2021/";
    private static AnalysisResult result;
    private static AnalysisData data;

    /** Schools by login (an old {@code sch} login is its {@code edu} twin); subjects as the files spell them. */
    private static final Directory DIRECTORY = new Directory() {
        private final Map<String, String> subjects = Map.of("математика", "Математика", "математике", "Математика",
                "русский язык", "Русский язык", "русскому языку", "Русский язык");

        @Override
        public Optional<String> schoolCode(String identifier, int year) {
            String id = identifier.trim().toLowerCase(Locale.ROOT);
            return id.matches("(sch|edu)\\d+") ? Optional.of(id.replace("sch", "edu")) : Optional.empty();
        }

        @Override
        public Optional<String> subjectCode(String nameOrCode) {
            return Optional.ofNullable(subjects.get(nameOrCode.trim().toLowerCase(Locale.ROOT)));
        }
    };

    @BeforeAll
    static void analyse() throws IOException {
        List<MarkScale> scales = new MarkScaleCsv(DIRECTORY::subjectCode, List.of())
                .read(RealData.require("vpr-scales-2021/vpr-2021-mark-scales.csv"), "scales.csv", 100).scales();
        Codifiers codifiers = Codifiers.folder(RealData.require("vpr-altai-krai-fisoko/Описание_работ"), DIRECTORY);
        WorkReference reference = new WorkReference(codifiers::layout,
                key -> scales.stream().filter(s -> s.key().equals(key)).mapToInt(MarkScale::maxPrimary).findFirst());
        AnalysisDataBuilder builder = new AnalysisDataBuilder();
        FisOkoReader reader = new FisOkoReader(DIRECTORY, s -> s, reference);
        for (String file : List.of("4/Проведение работы по математике, 4 класс. ВПР 2021.xlsx",
                "4/Проведение работы по русскому языку, 4 класс. ВПР 2021.xlsx",
                "5/Проведение работы по математике, 5 класс. ВПР 2021.xlsx",
                "5/Проведение работы по русскому языку, 5 класс. ВПР 2021.xlsx")) {
            Path path = RealData.require(FOLDER + file);
            String name = path.getFileName().toString();
            FisOkoReader.Summary summary = reader.read(path, name, FileHints.of(path, name), new Problems(100),
                    new CanonicalResultsReader.Sink() {
                        @Override
                        public void start(ru.msoko.core.domain.TaskLayout layout) {
                            builder.layout(layout);
                        }

                        @Override
                        public void accept(long row, Result r) {
                            builder.add(withMark(r, scales));
                        }
                    });
            summary.schools().values().forEach(o -> builder.addSchool(new School(DIRECTORY.schoolCode(o.login(), 2021)
                    .orElseThrow(), o.name() == null ? o.login() : o.name(), o.municipalityName() == null ? "" : o.municipalityName(),
                    null, null, SchoolContext.unknown(), List.of())));
        }
        data = builder.build();
        result = new ObjectivityEngine(ObjectivitySettings.defaults()).analyse(data, List.of(2021), List.of());
        AnalysisWriter.write(result, Path.of("target", "altai-2021"));
    }

    /** The 2021 export has no mark: it is the official scale's mark of the primary score. */
    private static Result withMark(Result r, List<MarkScale> scales) {
        if (r.absent() || r.primaryScore() == null) {
            return r;
        }
        Integer mark = scales.stream().filter(s -> s.key().equals(r.procedure())).findFirst()
                .flatMap(s -> s.mark(r.primaryScore()).isPresent() ? Optional.of(s.mark(r.primaryScore()).getAsInt()) : Optional.empty())
                .orElse(null);
        return new Result(r.procedure(), r.schoolCode(), r.participant(), r.date(), r.classLabel(), r.gender(), r.variant(),
                false, r.tasks(), r.primaryScore(), r.testScore(), mark, r.passed(), r.journalMark(), r.annualMark(),
                r.flags(), r.status(), r.maxScore(), r.recheckedScore());
    }

    private static BunchingRow regionAtThree(String subject) {
        return result.bunching().stream().filter(b -> b.subject().equals(subject) && b.grade() == 5
                && b.area().equals("регион") && b.mark() == 3).findFirst().orElseThrow();
    }

    @Test
    void mathsFiveHasMissingMassBelowTheThreeThreshold() {
        BunchingRow b = regionAtThree("Математика");

        assertThat(b.threshold()).isEqualTo(7);
        // the raw counts quoted in the issue: 469 pupils at 6 points, 4,010 at 7
        assertThat(b.counts()[1]).isEqualTo(469);
        assertThat(b.counts()[2]).isEqualTo(4010);
        assertThat(b.shareManipulated()).isGreaterThan(0);
        assertThat(b.shareLow()).isGreaterThan(0);
    }

    @Test
    void russianFiveHasMissingMassBelowTheThreeThreshold() {
        BunchingRow b = regionAtThree("Русский язык");

        assertThat(b.threshold()).isEqualTo(18);
        // the raw counts quoted in the issue: 188 pupils at 17 points, 1,433 at 18
        assertThat(b.counts()[1]).isEqualTo(188);
        assertThat(b.counts()[2]).isEqualTo(1433);
        assertThat(b.shareManipulated()).isGreaterThan(0);
        assertThat(b.shareLow()).isGreaterThan(0);
    }

    @Test
    void everySchoolWithResultsGetsAZone() {
        long schools = data.schools().size();

        assertThat(result.risk()).hasSize((int) schools);
        assertThat(result.risk()).extracting(RiskAssessment::zone).contains(Zone.RED, Zone.GREEN);
    }
}

package ru.msoko.app.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.RealData;
import ru.msoko.app.support.TerritoryWebTest;
import ru.msoko.core.objectivity.ObjectivitySettings;
import ru.msoko.core.objectivity.RiskAssessment;

/** Official ФИС ОКО lists: imported from the real Dagestan file, then reconciled with our zones. */
class OfficialMarkersTest extends TerritoryWebTest {

    @Autowired
    AnalysisService analysis;

    private static Path bias() {
        return RealData.require("vpr-dagestan-objectivity-markers/bias.xlsx");
    }

    @Test
    void unknownSchoolsRejectTheListWithSheetRowAndColumnAndChangeNothing() {
        var before = DatabaseState.fingerprint(jdbc);

        ImportOutcome outcome = imports.importFile(bias(), "bias.xlsx", "t", ImportOptions.STRICT);

        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) outcome).problems().get(0).describe())
                .startsWith("bias.xlsx, лист «Признаки необъективности папка », строка 2, столбец «Логин»: школа с логином");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void listedSchoolsAreReconciledWithOurZones() {
        ImportOutcome outcome = imports.importFile(bias(), "bias.xlsx", "t", new ImportOptions(true, null));

        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        // 599 rows, of which 148 repeat a 2024 school (see OfficialMarkersXlsxTest)
        assertThat(jdbc.sql("select count(*) from official_marker").query(Long.class).single()).isEqualTo(451);
        assertThat(((ImportOutcome.Imported) outcome).warnings()).anyMatch(w -> w.contains("148"));
        List<RiskAssessment> risk = analysis.analyse(List.of(2024, 2025), ObjectivitySettings.defaults(), "t").result().risk()
                .stream().filter(r -> r.year() == 2024 || r.schoolCode().equals("edu220001")).toList();
        // the listed schools have no results here: they are on the list only, and say so
        assertThat(risk).filteredOn(r -> r.year() == 2024 && Boolean.TRUE.equals(r.official())).hasSize(148)
                .allSatisfy(r -> assertThat(r.reconciliation()).isEqualTo("only_official"));
        // a school of ours with results in 2025 and not on that year's list
        assertThat(risk).filteredOn(r -> r.schoolCode().equals("edu220001")).singleElement().satisfies(r -> {
            assertThat(r.official()).isFalse();
            assertThat(r.reconciliation()).isEqualTo("neither");
        });
    }
}

package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/** A municipality's user imports only its own schools' rows and no region-wide reference data. */
class ImportTerritoryTest extends TerritoryWebTest {

    @org.springframework.beans.factory.annotation.Autowired
    ImportTerritory territory;

    private static final String M02_RESULTS = """
            procedure;year;subject;grade;school_code;participant;mark
            ВПР;2025;Математика;5;edu220002;60001;4
            ВПР;2025;Математика;5;edu220003;60002;3
            ВПР;2025;Математика;5;edu220003;60003;5
            """;

    @Test
    void aFileWithAnotherMunicipalitysSchoolIsRejectedWholeForAMunicipality() {
        var before = DatabaseState.fingerprint(jdbc);
        ImportOutcome outcome = imports.importFile(Fixtures.write(dir, "mixed.csv", M02_RESULTS), "mixed.csv",
                municipality.username(), ImportOptions.STRICT);

        // edu220003 is in M02, the user's municipality is M01: two of the three rows are outside
        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) outcome).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("строк о школах вне вашей территории: 2."));
        assertThat(DatabaseState.fingerprint(jdbc)).as("nothing stored but the rejected attempt")
                .isEqualTo(before);
        // the region stores the same file
        assertThat(imports.importFile(Fixtures.write(dir, "mixed2.csv", M02_RESULTS), "mixed2.csv",
                region.username(), ImportOptions.STRICT)).isInstanceOf(ImportOutcome.Imported.class);
    }

    @Test
    void theSchoolDirectoryIsTheRegionsToLoad() {
        String schools = Fixtures.SCHOOLS.replace("Каменский район", "Переименован");
        ImportOutcome outcome = imports.importFile(Fixtures.write(dir, "s.csv", schools), "s.csv",
                municipality.username(), ImportOptions.STRICT);
        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(jdbc.sql("select count(*) from municipality where name = 'Каменский район'").query(Long.class)
                .single()).isEqualTo(1);
    }

    /** The school-bound tables an import writes are found in the schema, so a new one is checked too. */
    @Test
    void theTablesOfSchoolDataAreReadFromTheSchema() {
        assertThat(territory.schoolTables()).contains("result_block", "official_marker", "exam_school_summary",
                "journal_mark_distribution", "school_context")
                .doesNotContain("mark_scale", "gia_scale", "work_codifier", "textbook", "mark_scale_correction")
                .isSubsetOf(ImportRollback.TABLES_BY_IMPORT);
    }
}

package ru.msoko.app.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/** The analysis on the database takes the mark thresholds of imported official scales (methods.md A.5). */
class AnalysisScalesTest extends TerritoryWebTest {

    private static final String SCALES = """
            year,grade,subject,max_primary,mark2_from,mark2_to,mark3_from,mark3_to,mark4_from,mark4_to,mark5_from,mark5_to,source,note
            2025,5,Математика,4,0,0,1,1,2,3,4,4,тест,
            """;

    @Autowired
    AnalysisDataLoader loader;

    @Test
    void anImportedScaleReachesTheAnalysis() {
        assertThat(loader.load().scaleCount()).isZero();

        imports.importFile(Fixtures.write(dir, "scales.csv", SCALES), "scales.csv", "t", ImportOptions.STRICT);

        // one scale for every variant of ВПР 2025 maths 5, the fixture's procedure
        assertThat(loader.load().scaleCount()).isEqualTo(1);
    }
}

package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/** An optional scales.csv in an {@code --input} folder gives A.5 the official thresholds of its procedures. */
class InputFolderScalesTest {

    private static final String HEADER =
            "year,grade,subject,max_primary,mark2_from,mark2_to,mark3_from,mark3_to,mark4_from,mark4_to,mark5_from,mark5_to,source,note\n";

    @TempDir
    Path dir;

    @Test
    void aScalesFileIsReadAndNamedAmongTheInputs() throws Exception {
        DemoManifest demo = new DemoRegionGenerator(DemoSettings.standard().withSchools(20)).writeTo(dir);
        // year, grade and subject of the first ВПР row; the bands are the test's own: «3» from 5, «4» from 10,
        // «5» from 15 of 20 points
        String procedure = firstVprProcedure(demo.resultFiles().get(0));
        Files.writeString(dir.resolve("scales.csv"), HEADER + procedure + ",20,0,4,5,9,10,14,15,20,тест,\n",
                StandardCharsets.UTF_8);

        InputFolder.Contents contents = InputFolder.read(dir);

        assertThat(contents.files()).contains("scales.csv");
        assertThat(contents.data().scaleCount()).isEqualTo(1);
    }

    @Test
    void aBrokenScaleStopsTheAnalysisNamingTheFile() throws Exception {
        new DemoRegionGenerator(DemoSettings.standard().withSchools(20)).writeTo(dir);
        // «4» starts inside the band of «3»: an overlap, as the real Geography-8 2021 scale has
        Files.writeString(dir.resolve("scales.csv"), HEADER + "2025,5,Математика,20,0,4,5,9,8,14,15,20,тест,\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> InputFolder.read(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining("scales.csv");
    }

    /** «year,grade,subject» of the first ВПР row of a canonical results file. */
    private static String firstVprProcedure(Path results) throws Exception {
        try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            java.util.List<String> header = java.util.List.of(in.readLine().replace("\uFEFF", "").split(";"));
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(";");
                if (cells[header.indexOf("procedure")].equals("ВПР")) {
                    return cells[header.indexOf("year")] + "," + cells[header.indexOf("grade")] + ","
                            + cells[header.indexOf("subject")];
                }
            }
        }
        throw new AssertionError("no ВПР row in " + results);
    }
}

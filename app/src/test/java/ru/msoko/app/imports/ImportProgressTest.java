package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.RecordingProgress;
import ru.msoko.app.support.TerritoryWebTest;

/** What an import reports to a background job's progress bar: monotonic within each phase, reaching its total. */
class ImportProgressTest extends TerritoryWebTest {

    @Test
    void aResultsFileReportsItsBytesThenItsRowsUpToTheLineCount() throws Exception {
        // the fixture of 2024 instead of 2025: new results; 7 lines = the header and 6 rows (counted in Fixtures)
        byte[] content = Fixtures.RESULTS.replace("2025", "2024").getBytes(StandardCharsets.UTF_8);
        UploadedFile f = UploadedFile.receive(new MockMultipartFile("files", "r.csv", "text/csv", content), "r.csv",
                "msoko-test-");
        try {
            assertThat(f.size()).isEqualTo(content.length);
            assertThat(f.lines()).isEqualTo(7);
            RecordingProgress progress = new RecordingProgress();
            ImportOutcome outcome = imports.importFile(f.path(), "r.csv", "t",
                    ImportOptions.STRICT.withProgress(f.estimating(progress)));

            assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
            assertThat(progress.phases()).containsExactly(ImportService.READING, ImportService.ROWS, ImportService.TOTALS);
            var reading = progress.of(ImportService.READING);
            assertThat(reading).allMatch(r -> r.total() == content.length);
            assertThat(reading.get(reading.size() - 1).done()).isEqualTo(content.length);
            var rows = progress.of(ImportService.ROWS);
            assertThat(rows).allMatch(r -> r.total() == 7);
            // line numbers of the rows: 2 … 7 after the phase's start at 0
            assertThat(rows.stream().map(RecordingProgress.Report::done).toList()).containsExactly(0L, 2L, 3L, 4L, 5L, 6L, 7L);
        } finally {
            f.delete();
        }
        assertThat(Files.exists(f.path())).isFalse();
    }

    @Test
    void aWorkbookHasNoLineCountSoItsRowsPhaseStaysOfUnknownSize() throws Exception {
        // «PK» opens every xlsx (a zip): its lines mean nothing
        UploadedFile f = UploadedFile.receive(new MockMultipartFile("files", "a.xlsx", "application/octet-stream",
                new byte[] {'P', 'K', 3, 4, '\n', '\n'}), "a.xlsx", "msoko-test-");
        try {
            assertThat(f.lines()).isZero();
            RecordingProgress progress = new RecordingProgress();
            f.estimating(progress).phase(ImportService.ROWS, 0);
            assertThat(progress.reports()).containsExactly(new RecordingProgress.Report(ImportService.ROWS, 0, 0));
        } finally {
            f.delete();
        }
    }
}

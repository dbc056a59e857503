package ru.msoko.core.fisoko;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileHintsTest {

    @Test
    void theNameOfThe2021ExportGivesSubjectGradeAndYear() {
        assertThat(FileHints.of(Path.of("/tmp/upload.tmp"), "Проведение работы по русскому языку, 5 класс. ВПР 2021.xlsx"))
                .isEqualTo(new FileHints(2021, 5, "русскому языку", null));
    }

    @Test
    void foldersGiveGradeAndYearWhenTheNameIsOnlyASubject() {
        assertThat(FileHints.of(Path.of("/data/vpr_results/2022/10/География.xlsx"), "География.xlsx"))
                .isEqualTo(new FileHints(2022, 10, "География", null));
    }

    @Test
    void aSchoolLoginInTheNameIsFound() {
        assertThat(FileHints.of(Path.of("x.xlsx"), "Форма EDU220001 математика 4 класс.xlsx").schoolLogin())
                .isEqualTo("edu220001");
    }

    @Test
    void nothingIsGuessedFromUnrelatedNames() {
        assertThat(FileHints.of(Path.of("/tmp/msoko-upload-1.tmp"), "results_final_v2.xlsx")).isEqualTo(FileHints.NONE);
    }
}

package ru.msoko.core.fisoko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.support.RealData;

class CodifierFilesTest {

    @TempDir
    Path dir;

    /**
     * The real Altai descriptions. Counted independently (python3 tools/xlsx.py): positions = distinct «№»
     * ({@code cut -f2 | sort -un | wc -l}), the sum of the maxima and the level of each position's first row
     * ({@code awk -F'\t' '!seen[$2]++'}), distinct non-empty codes of KS.xlsx / KT.xlsx ({@code cut -f1 | sort -u}).
     */
    @Test
    void readsEveryRealDescriptionWithLevelsAndCodes() throws Exception {
        Path root = RealData.require("vpr-altai-krai-fisoko/Описание_работ");

        List<WorkCodifier> works = CodifierFiles.scan(root, 2021);

        assertThat(works).hasSize(12);
        Map<String, WorkCodifier> byName = works.stream()
                .collect(Collectors.toMap(w -> w.grade() + " " + w.subjectName(), w -> w));
        WorkCodifier ma5 = byName.get("5 Математика");
        assertThat(ma5.year()).isEqualTo(2021);
        assertThat(ma5.tasks()).hasSize(16);
        assertThat(ma5.tasks().stream().mapToInt(WorkCodifier.Task::maxScore).sum()).isEqualTo(20);
        assertThat(ma5.tasks().stream().filter(t -> t.level().equals("П"))).hasSize(2);
        assertThat(ma5.tasks().get(3)).isEqualTo(new WorkCodifier.Task(4, "4", 1, "Б", List.of("1", "3"), List.of("1", "2"),
                ma5.tasks().get(3).skills()));
        assertThat(ma5.tasks().get(10).label()).isEqualTo("11.1");
        assertThat(ma5.tasks().get(15).requirementCodes()).containsExactly("1", "3", "6");
        assertThat(ma5.contentElements()).hasSize(5).containsEntry("1", "Числа и вычисления");
        assertThat(ma5.requirements()).hasSize(7);
        assertThat(byName.get("5 Русский язык").tasks()).hasSize(21);
        assertThat(byName.get("5 Русский язык").tasks().stream().mapToInt(WorkCodifier.Task::maxScore).sum()).isEqualTo(45);
        assertThat(byName.get("5 Русский язык").contentElements()).hasSize(137);
        assertThat(byName.get("4 Математика").layout().maxTotal()).isEqualTo(20);
        assertThat(byName.get("11 Английский язык").contentElements()).isEmpty();
        assertThat(byName.get("11 Английский язык").requirements()).hasSize(61);
        assertThat(byName.get("11 Биология").tasks().stream().filter(t -> t.level().equals("Б"))).hasSize(16);
    }

    @Test
    void aDescriptionOutsideAGradeFolderOrWithAPositionOutOfOrderIsRefusedWithItsPlace() throws Exception {
        Path misplaced = dir.resolve("a/Математика");
        Files.createDirectories(misplaced);
        Xlsx.book().sheet("Лист1", List.of(List.of("№ КИМ", "№", "Максимальный балл за выполнение задания")))
                .write(misplaced.resolve("ALL.xlsx"));
        assertThatThrownBy(() -> CodifierFiles.scan(dir, 2021)).isInstanceOf(InputException.class)
                .hasMessageContaining("a/Математика/ALL.xlsx: кодификатор должен лежать в папке <класс>/<предмет>/ALL.xlsx");

        Path good = Files.createDirectories(dir.resolve("b/2022/4/Математика"));
        Files.delete(misplaced.resolve("ALL.xlsx"));
        Xlsx.book().sheet("Лист1", List.of(
                List.of("№ КИМ", "№", "Уровень сложности", "Максимальный балл за выполнение задания"),
                List.of("1", "1", "Б", "1"),
                List.of("2", "3", "Б", "2"))).write(good.resolve("ALL.xlsx"));
        assertThatThrownBy(() -> CodifierFiles.scan(dir.resolve("b"), null)).isInstanceOf(InputException.class)
                .hasMessageContaining("2022/4/Математика/ALL.xlsx, лист «Лист1», строка 3, столбец «№»: "
                        + "кодификатор: позиция 3 идёт не по порядку");
    }
}

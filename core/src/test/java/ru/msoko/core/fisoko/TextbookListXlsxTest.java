package ru.msoko.core.fisoko;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.support.RealData;

class TextbookListXlsxTest {

    @TempDir
    Path dir;

    /**
     * The real Altai list, counted independently of the reader (tools/xlsx.py: zipfile + ElementTree), in
     * {@code shared/data/public/vpr-altai-krai-fisoko}, with {@code X="python3 tools/xlsx.py books.xlsx"}:
     * {@code $X | wc -l} → 1004 rows; {@code $X | cut -f1 | sort -u | wc -l} → 1004 distinct codes, of which one is
     * «nan» ({@code $X | cut -f1 | grep -vc '^[a-z]*[0-9]*\.[0-9]*$'} → 1, the last row «nan» — «Нет данных»), so
     * 1003 textbooks; {@code $X | cut -f1 | grep -c '^ma[0-9]'} → 136, {@code … '^ru[0-9]'} → 132,
     * {@code … '^hi8'} → 27 (26 «Химия», {@code hi8.27} «другое»); {@code $X | cut -f2 | grep -c '^другое$'} → 39
     * codes of «another textbook»; first row {@code bio11.1}.
     */
    @Test
    void readsTheRealListOfTextbooks() throws Exception {
        Path file = RealData.require("vpr-altai-krai-fisoko/books.xlsx");
        assertThat(TextbookListXlsx.recognises(file)).isTrue();

        TextbookListXlsx.Summary read = TextbookListXlsx.read(file, "books.xlsx");

        assertThat(read.problems()).isEmpty();
        assertThat(read.entries()).hasSize(1003);
        assertThat(read.placeholders()).isEqualTo(1);
        assertThat(read.entries().stream().map(TextbookListXlsx.Entry::code).distinct()).hasSize(1003);
        assertThat(read.entries().stream().filter(e -> e.subjectPrefix().equals("ma"))).hasSize(136);
        assertThat(read.entries().stream().filter(e -> e.subjectPrefix().equals("ru"))).hasSize(132);
        assertThat(read.entries().stream().filter(e -> e.subjectPrefix().equals("hi"))).hasSize(27)
                .allMatch(e -> e.grade() == 8 && (e.description().contains("Химия") || e.description().equals("другое")));
        assertThat(read.entries().stream().filter(e -> e.description().equals("другое"))).hasSize(39);
        assertThat(read.entries()).allMatch(e -> e.textbook().subjectName().isPresent());
        TextbookListXlsx.Entry first = read.entries().get(0);
        assertThat(first.row()).isEqualTo(1);
        assertThat(first.code()).isEqualTo("bio11.1");
        assertThat(first.grade()).isEqualTo(11);
        assertThat(first.textbook().subjectName()).contains("Биология");
        assertThat(first.description()).startsWith("Агафонова И.Б.,Сивоглазов В.И. Биология");
    }

    /** Protocols, ФИС ОКО forms and exports, logins, markers, codifiers: none of them is a textbook list. */
    @Test
    void noOtherRealWorkbookIsTakenForATextbookList() throws IOException {
        assertThat(RealData.allWorkbooks()).filteredOn(TextbookListXlsx::recognises).extracting(b -> b.getFileName().toString())
                .containsExactly("books.xlsx");
    }

    @Test
    void aHeaderIsAcceptedAndCodesAreNormalised() throws Exception {
        Path file = book(List.of("Код", "Учебник"), List.of(" MA 4.8 ", "Моро М.И. Математика 4 класс"),
                List.of("ru4.1", "Канакина В.П. Русский язык 4 класс"),
                List.of("ma4.8", "Моро М.И.  Математика 4 класс"));

        assertThat(TextbookListXlsx.recognises(file)).isTrue();
        TextbookListXlsx.Summary read = TextbookListXlsx.read(file, "books.xlsx");

        assertThat(read.problems()).isEmpty();
        // the repeated code with the same text (spaces aside) is one textbook
        assertThat(read.entries()).extracting(TextbookListXlsx.Entry::code).containsExactly("ma4.8", "ru4.1");
        assertThat(read.entries().get(0).row()).isEqualTo(2);
        assertThat(read.entries().get(1).textbook().subjectName()).contains("Русский язык");
    }

    @Test
    void aBadCodeAnEmptyDescriptionAndARepeatedCodeWithAnotherTextAreProblemsWithTheirPlaces() throws Exception {
        Path file = book(List.of("ma4.8", "Моро М.И. Математика 4 класс"), List.of("ma4", "Математика"),
                List.of("ru4.1", ""), List.of("ma4.8", "Дорофеев Г.В. Математика 4 класс"),
                List.of("ma14.1", "Математика 14 класс"), List.of("bio5.1", "Пасечник В.В. Биология 5 класс"));

        TextbookListXlsx.Summary read = TextbookListXlsx.read(file, "books.xlsx");

        assertThat(read.problems()).extracting(Problem::describe).containsExactly(
                "books.xlsx, лист «Лист1», строка 2, столбец «A»: «ma4» — не код учебника ФИС ОКО: ожидаются предмет, "
                        + "класс, точка и номер (ma4.8, bio11.1)",
                "books.xlsx, лист «Лист1», строка 3, столбец «B»: не заполнено описание учебника с кодом «ru4.1»",
                "books.xlsx, лист «Лист1», строка 4, столбец «A»: код «ma4.8» уже есть в строке 1 с другим описанием",
                "books.xlsx, лист «Лист1», строка 5, столбец «A»: в коде «ma14.1» класс 14: ожидается от 1 до 11");
        assertThat(read.entries()).extracting(TextbookListXlsx.Entry::code).containsExactly("ma4.8", "bio5.1");
    }

    @Test
    void otherSheetsAreNotTextbookLists() throws Exception {
        // a login list and a sheet where only a minority of rows holds a code
        Path logins = Xlsx.book().sheet("Лист1", List.of(List.of("логин", "имя", "регион"),
                List.of("sch220001", "МБОУ СОШ № 1", "г. Алейск"))).write(dir.resolve("logins.xlsx"));
        Path mostlyOther = book(List.of("ma4.8", "Математика"), List.of("1", "Задание 1"), List.of("2", "Задание 2"));

        assertThat(TextbookListXlsx.recognises(logins)).isFalse();
        assertThat(TextbookListXlsx.recognises(mostlyOther)).isFalse();
        assertThat(TextbookListXlsx.recognises(Files.writeString(dir.resolve("x.xlsx"), "not a zip"))).isFalse();
    }

    @SafeVarargs
    private Path book(List<Object>... rows) {
        return Xlsx.book().sheet("Лист1", Arrays.asList(rows)).write(dir.resolve("books-" + rows.length + ".xlsx"));
    }
}

package ru.msoko.core.fisoko;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.Municipality;
import ru.msoko.core.support.RealData;

class LoginListXlsxTest {

    @TempDir
    Path dir;

    /**
     * The real Altai list. Counted independently of the reader (python3, zipfile + ElementTree):
     * {@code python3 tools/xlsx.py logins.xlsx | tail -n +2 | cut -f1 | cut -c1-3 | sort | uniq -c} → 661 sch, 31 ksh;
     * {@code … | cut -f3 | sort -u | wc -l} → 70 municipality spellings, 70 territories after the name key.
     */
    @Test
    void readsTheRealListOfLogins() throws Exception {
        Path file = RealData.require("vpr-altai-krai-fisoko/logins.xlsx");
        assertThat(LoginListXlsx.recognises(file)).isTrue();

        LoginListXlsx.Summary read = LoginListXlsx.read(file, "logins.xlsx");

        assertThat(read.problems()).isEmpty();
        assertThat(read.entries()).hasSize(692);
        assertThat(read.entries().stream().filter(e -> e.login().startsWith("sch"))).hasSize(661);
        assertThat(read.entries().stream().filter(e -> e.login().startsWith("ksh"))).hasSize(31);
        assertThat(read.entries().stream().map(e -> Municipality.nameKey(e.municipality())).collect(Collectors.toSet()))
                .hasSize(70);
        // first data row as printed by tools/xlsx.py: sch224145, «МБОУ СОШ №7», «г. Алейск»
        assertThat(read.entries().get(0)).isEqualTo(new LoginListXlsx.Entry(2, "sch224145", "МБОУ СОШ №7", "г. Алейск"));
    }

    @Test
    void aBadLoginARepeatedOneAndAMissingNameAreProblemsWithTheirRows() throws Exception {
        Path file = Xlsx.book().sheet("Лист1", List.of(
                List.of("Логин", "Имя", "Регион"),
                List.of("sch220001", "МБОУ СОШ № 1", "г. Алейск"),
                List.of("220002", "МБОУ СОШ № 2", "г. Алейск"),
                List.of("SCH220001", "МБОУ СОШ № 1", "г. Алейск"),
                List.of("sch220003", "", "Алейский район"))).write(dir.resolve("logins.xlsx"));

        LoginListXlsx.Summary read = LoginListXlsx.read(file, "logins.xlsx");

        assertThat(read.problems()).extracting(Problem::describe).containsExactly(
                "logins.xlsx, лист «Лист1», строка 3, столбец «логин»: «220002» — не логин ОО в ФИС ОКО: ожидается "
                        + "sch, edu или ksh и цифры (sch220001)",
                "logins.xlsx, лист «Лист1», строка 4, столбец «логин»: логин «SCH220001» уже есть в строке 2",
                "logins.xlsx, лист «Лист1», строка 5, столбец «имя»: не заполнено: у школы из списка логинов должны быть "
                        + "название и муниципалитет");
        assertThat(read.entries()).hasSize(1);
    }

    @Test
    void municipalitySpellingsOfOneTerritoryShareAKey() {
        assertThat(Municipality.nameKey("г. Алейск")).isEqualTo(Municipality.nameKey("город  Алейск"));
        assertThat(Municipality.nameKey("Алейский район")).isEqualTo(Municipality.nameKey("Алейский муниципальный район"))
                .isEqualTo(Municipality.nameKey("Алейский р-н"));
        assertThat(Municipality.nameKey("Алейский район")).isNotEqualTo(Municipality.nameKey("город Алейск"));
        assertThat(Municipality.nameKey("ЗАТО Сибирский")).isEqualTo("зато сибирский");
    }
}

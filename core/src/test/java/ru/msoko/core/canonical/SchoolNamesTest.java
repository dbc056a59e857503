package ru.msoko.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SchoolNamesTest {

    @Test
    void legalFormQuotesLongTypeAndNumberSpellingDoNotMatter() {
        assertThat(SchoolNames.key("МБОУ «СОШ № 5» г. Бийска")).isEqualTo("сош №5 г бийска");
        assertThat(SchoolNames.key("Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная "
                + "школа №5» г. Бийска")).isEqualTo("сош №5 г бийска");
        assertThat(SchoolNames.key("МАОУ \"Гимназия N 1\"")).isEqualTo("гимназия №1");
        assertThat(SchoolNames.key("МКОУ «Берёзовская ООШ»")).isEqualTo("березовская оош");
    }

    @Test
    void closestNamesAreWithinAQuarterOfTheLengthOrContainIt() {
        Map<String, String> names = Map.of("сош №5", "СОШ № 5 (1)", "сош №1 березовка", "СОШ № 1 Берёзовка (2)",
                "гимназия №1", "Гимназия № 1 (3)");
        // «сош №55» is one edit from «сош №5» (limit max(2, 7/4) = 2) and far from the others.
        assertThat(SchoolNames.closest("СОШ № 55", names)).containsExactly("СОШ № 5 (1)");
        // «березовка» is contained in «сош №1 березовка».
        assertThat(SchoolNames.closest("Березовка", names)).containsExactly("СОШ № 1 Берёзовка (2)");
        assertThat(SchoolNames.closest("Лицей № 7", names)).isEmpty();
    }
}

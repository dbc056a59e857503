package ru.msoko.core.gia;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.msoko.core.domain.ProcedureKind;

class ExamTitleTest {

    @Test
    void readsKindDateAndSubjectFromATitleWithAnExamCode() {
        assertThat(ExamTitle.parse("0201 ОГЭ Математика 03.06.2025"))
                .isEqualTo(new ExamTitle(ProcedureKind.OGE, false, null, LocalDate.of(2025, 6, 3), 2025, "Математика"));
        assertThat(ExamTitle.parse("01 - Русский язык 24.05.2025 г."))
                .isEqualTo(new ExamTitle(null, false, null, LocalDate.of(2025, 5, 24), 2025, "Русский язык"));
    }

    @Test
    void writesTheLevelOfMathematicsAsTheDirectorySpellsIt() {
        assertThat(ExamTitle.parse("ЕГЭ Математика профильного уровня 2025-05-31").subject())
                .isEqualTo("Математика профильная");
        assertThat(ExamTitle.parse("22 Математика (базовый уровень) 30.05.2025").subject())
                .isEqualTo("Математика базовая");
    }

    @Test
    void tellsTheGradeOfTheGve() {
        assertThat(ExamTitle.parse("ГВЭ-11 Русский язык 24.05.2025").kind()).isEqualTo(ProcedureKind.GVE11);
        assertThat(ExamTitle.parse("ГВЭ 9 класс Математика 2025"))
                .isEqualTo(new ExamTitle(ProcedureKind.GVE9, false, 9, null, 2025, "Математика"));
        ExamTitle bare = ExamTitle.parse("гвэ_математика_2025");
        assertThat(bare.kind()).isNull();
        assertThat(bare.gve()).isTrue();
        assertThat(bare.subject()).isEqualTo("математика");
    }

    @Test
    void anImpossibleDateGivesNoDateButKeepsTheYear() {
        ExamTitle t = ExamTitle.parse("03 ЕГЭ Физика 31.02.2025");

        assertThat(t.date()).isNull();
        assertThat(t.year()).isEqualTo(2025);
        assertThat(t.subject()).isEqualTo("Физика");
    }
}

package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;
import ru.msoko.core.fisoko.Xlsx;
import ru.msoko.core.olympiad.ProtocolReader;

/**
 * Rule E (methods.md E) on results read from ВсОШ protocols rather than the canonical CSV: the school-stage and
 * municipal-stage protocols link by the participant key, and the rule finds the school whose winners collapse.
 */
class OlympiadProtocolsAnalysisTest {

    @TempDir
    Path dir;

    private static final Directory DIRECTORY = new Directory() {
        @Override
        public Optional<String> schoolCode(String identifier, int year) {
            return identifier.trim().matches("S[0-4]") ? Optional.of(identifier.trim()) : Optional.empty();
        }

        @Override
        public Optional<String> subjectCode(String nameOrCode) {
            return nameOrCode.trim().equalsIgnoreCase("математике") ? Optional.of("Математика") : Optional.empty();
        }
    };

    /**
     * Five schools S0–S4, six winners and prize-winners each at the school stage (45 of 50); at the municipal stage
     * S0's score 5 of 50 (under 25%: collapsed), the others 30 (60%: confirmed).
     */
    private Path protocol(String name, String title, boolean municipal) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(title));
        rows.add(Arrays.asList("Максимальный балл: 50"));
        rows.add(Arrays.asList("ФИО участника", "ОО", "Класс обучения", "Итого", "Статус"));
        for (int s = 0; s < 5; s++) {
            for (int i = 0; i < 6; i++) {
                String pupil = "Ученикова" + (char) ('А' + i) + " Тест Тестовна";
                Object score = !municipal ? 45 : s == 0 ? 5 : 30;
                String status = !municipal ? (i == 0 ? "Победитель" : "призёр") : s == 0 ? "участник" : "Призёр";
                rows.add(Arrays.asList(pupil, "S" + s, "7А", score, status));
            }
        }
        return Xlsx.book().sheet("Лист1", rows).write(dir.resolve(name));
    }

    @Test
    void winnersWhoCollapseAtTheMunicipalStageAreFound() throws IOException {
        AnalysisDataBuilder builder = new AnalysisDataBuilder();
        for (int s = 0; s < 5; s++) {
            builder.addSchool(new School("S" + s, "Школа " + s, "M01", SchoolType.SOSH, Settlement.CITY,
                    SchoolContext.unknown(), List.of()));
        }
        ProtocolReader reader = new ProtocolReader(DIRECTORY, k -> "k:" + k);
        Problems problems = new Problems(10);
        reader.read(protocol("шэ.xlsx", "Протокол школьного этапа ВсОШ по математике 01.10.2025", false), "шэ.xlsx",
                problems, builder);
        reader.read(protocol("мэ.xlsx", "Протокол муниципального этапа ВсОШ по математике 20.11.2025", true), "мэ.xlsx",
                problems, builder);
        assertThat(problems.list()).isEmpty();

        List<Sign> signs = Region.signs(Region.analyse(builder.build()), SignCode.OLYMPIAD_NOT_CONFIRMED);

        assertThat(signs).extracting(Sign::schoolCode).containsExactly("S0");
        // All 6 of S0 were found at the municipal stage (n = 6) and none confirmed (value 0); the municipality's
        // confirmation rate is 24 of 30 = 0.8, and the threshold is half of it.
        assertThat(signs.get(0).n()).isEqualTo(6);
        assertThat(signs.get(0).value()).isZero();
        assertThat(signs.get(0).threshold()).isEqualTo(0.4);
    }
}

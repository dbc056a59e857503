package ru.msoko.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;
import ru.msoko.core.fisoko.Xlsx;
import ru.msoko.core.support.RealData;

/**
 * The ФИС ОКО context forms: the real Altai 2021 and 2022 files (data-formats §1.5) and a small synthetic 2022
 * layout with a two-row header. Expected numbers of the real files were computed with {@code tools/xlsx.py}
 * (an independent zipfile + ElementTree reader), as written beside each assertion.
 */
class SchoolContextXlsxTest {

    private static final String FORM_2021 = "vpr-altai-krai-fisoko/Сбор контекстных данных об ОО и участниках ВПР 2021.xlsx";
    private static final String FORM_2022 = "vpr-altai-krai-fisoko/vpr_results/2022/Сбор контекстных данных об ОО (2022).xlsx";
    private static final String GENERAL = "Общая информация об ОО";
    private static final String ACTIVITY = "ОБРАЗОВАТЕЛЬНАЯ ДЕЯТЕЛЬНОСТЬ ОО";
    private static final String PUPILS_2022 =
            "20. Укажите количество обучающихся в ОО в 2021/2022 учебном году (в сумме по всем классам/курсам)";

    @TempDir
    Path dir;

    @Test
    void theReal2021FormIsRecognisedAndReadWhole() throws Exception {
        Path file = RealData.require(FORM_2021);
        assertThat(SchoolContextXlsx.recognises(file)).isTrue();

        SchoolContextXlsx.Summary s = SchoolContextXlsx.read(file, file.getFileName().toString());

        assertThat(s.problems()).isEmpty();
        assertThat(s.notes()).isEmpty();
        // «2020/2021 учебном году» in the enrolment question
        assertThat(s.year()).isEqualTo(2021);
        // xlsx.py: 733 data rows under the header, 733 distinct logins in column «логин»
        assertThat(s.rows()).hasSize(733);
        assertThat(s.rows()).extracting(ContextRow::login).doesNotHaveDuplicates();
        // xlsx.py: column «Укажите количество обучающихся в ОО в 2020/2021 …» summed over non-blank cells = 307792,
        // 7 blank; «Сколько всего в школе учителей …» = 20089, 9 blank
        assertThat(sum(s, ContextRow::pupils)).isEqualTo(307_792);
        assertThat(s.rows()).filteredOn(r -> r.pupils() == null).hasSize(7);
        assertThat(sum(s, ContextRow::teachers)).isEqualTo(20_089);
        assertThat(s.rows()).filteredOn(r -> r.teachers() == null).hasSize(9);
        // xlsx.py: «Где расположена …» = «4. Населенный пункт сельского типа …» in 472 rows; the other 261 are
        // «1. Столица субъекта РФ» 39, «2. Город» 192, «3. Населенный пункт городского типа …» 30
        Map<Settlement, Long> settlements = count(s, ContextRow::settlement);
        assertThat(settlements).containsExactlyInAnyOrderEntriesOf(Map.of(Settlement.VILLAGE, 472L, Settlement.CITY, 261L));
        // xlsx.py: «ОО является специальной (коррекционной)?» = Да in 35 rows
        assertThat(s.rows()).filteredOn(r -> r.schoolType() == SchoolType.CORRECTIONAL).hasSize(35);
        // xlsx.py: «из них … по АОП» and the 2006 cohort both filled, cohort > 0, in 676 rows
        assertThat(s.rows()).filteredOn(r -> r.ovzShare() != null).hasSize(676);
        assertThat(s.rows()).allSatisfy(r -> assertThat(r.nonNativeShare()).isNull());
    }

    @Test
    void oneRealSchoolOf2021KeepsEveryAnswerButThePersonalOnes() throws Exception {
        Path file = RealData.require(FORM_2021);
        ContextRow r = byLogin(SchoolContextXlsx.read(file, "ctx.xlsx")).get("sch223748");

        // xlsx.py row of sch223748: 199 pupils, 14 teachers, «3. Населенный пункт городского типа …»,
        // 2006 cohort 37 of whom 0 on АОП, 70 non-empty cells besides the login (ФИО/phone/e-mail are emptied)
        assertThat(r.pupils()).isEqualTo(199);
        assertThat(r.teachers()).isEqualTo(14);
        assertThat(r.settlement()).isEqualTo(Settlement.CITY);
        assertThat(r.ovzShare()).isEqualTo(0.0);
        assertThat(r.answers()).hasSize(70);
        assertThat(r.answers()).containsEntry("Название ОО", "КГБОУКШИ «Алтайский кадетский корпус»");
        assertThat(r.answers().keySet()).noneMatch(k -> k.contains("ФИО") || k.contains("Телефон") || k.contains("e-mail"));
        assertThat(r.name()).isEqualTo("КГБОУКШИ «Алтайский кадетский корпус»");
    }

    @Test
    void theReal2022FormJoinsItsTwoSheetsByLogin() throws Exception {
        Path file = RealData.require(FORM_2022);
        assertThat(SchoolContextXlsx.recognises(file)).isTrue();

        SchoolContextXlsx.Summary s = SchoolContextXlsx.read(file, file.getFileName().toString());

        assertThat(s.problems()).isEmpty();
        assertThat(s.year()).isEqualTo(2022);
        // xlsx.py: 678 rows on each sheet, the same 678 logins
        assertThat(s.rows()).hasSize(678);
        // xlsx.py, sheet 2: question 20 summed = 274512, question 25 = 19890; sheet 1: question 14 rural in 460 rows
        assertThat(sum(s, ContextRow::pupils)).isEqualTo(274_512);
        assertThat(sum(s, ContextRow::teachers)).isEqualTo(19_890);
        assertThat(count(s, ContextRow::settlement)).containsEntry(Settlement.VILLAGE, 460L).containsEntry(Settlement.CITY, 218L);
        // xlsx.py: in 3 rows a count on АОП (question 22 or 24) exceeds its cohort (21 or 23): a note, no share
        assertThat(s.notes()).hasSize(3);
        ContextRow first = byLogin(s).get("edu224052");
        // xlsx.py: edu224052 — 163 pupils, 17 teachers, cohorts 2006: 11 (1 on АОП), 2007: 11 (1 on АОП);
        // 34 non-empty cells over both sheets besides the login, the 4 emptied personal columns and the service
        // columns the second sheet repeats
        assertThat(first.pupils()).isEqualTo(163);
        assertThat(first.teachers()).isEqualTo(17);
        assertThat(first.ovzShare()).isEqualTo(2.0 / 22);
        assertThat(first.municipalityCode()).isEqualTo("reg22_m056");
        assertThat(first.municipalityName()).isEqualTo("Целинный муниципальный район");
        assertThat(first.answers()).hasSize(34).containsEntry("7. Код ОГЭ", "5811");
    }

    @Test
    void aSynthetic2022FormWithATwoRowHeaderIsReadByMeaning() throws Exception {
        Path file = form2022(dir.resolve("ctx2022.xlsx"), "150");
        assertThat(SchoolContextXlsx.recognises(file)).isTrue();

        SchoolContextXlsx.Summary s = SchoolContextXlsx.read(file, "ctx2022.xlsx");

        assertThat(s.problems()).isEmpty();
        assertThat(s.year()).isEqualTo(2022);
        Map<String, ContextRow> rows = byLogin(s);
        assertThat(rows.keySet()).containsExactly("edu229001", "edu229002");
        ContextRow village = rows.get("edu229001");
        assertThat(village.sheet()).isEqualTo(GENERAL);
        assertThat(village.row()).isEqualTo(2);
        assertThat(village.pupils()).isEqualTo(150);
        assertThat(village.teachers()).isEqualTo(20);
        assertThat(village.settlement()).isEqualTo(Settlement.VILLAGE);
        assertThat(village.schoolType()).isEqualTo(SchoolType.SOSH);
        // (1 + 2) on АОП of (10 + 12) born in 2006 and 2007
        assertThat(village.ovzShare()).isEqualTo(3.0 / 22);
        assertThat(village.name()).isEqualTo("МБОУ \"Первая СОШ\"");
        assertThat(village.answers())
                .containsEntry("7. Код ОГЭ", "9001")
                .containsEntry("Общее количество обучающихся в 2021/2022 учебном году 2007 года рождения", "12")
                .containsEntry("27. Сколько всего в ОО учителей/преподавателей первой и высшей категорий?", "15");
        assertThat(village.answers().keySet()).noneMatch(k -> k.contains("ФИО"));
        ContextRow city = rows.get("edu229002");
        assertThat(city.settlement()).isEqualTo(Settlement.CITY);
        assertThat(city.schoolType()).isEqualTo(SchoolType.GYMNASIUM);
        assertThat(city.ovzShare()).isEqualTo(0.0);
        assertThat(city.teachers()).isEqualTo(55);
    }

    @Test
    void textInANumericCellIsAProblemNamingSheetRowAndColumn() throws Exception {
        Path file = form2022(dir.resolve("bad.xlsx"), "сто пятьдесят");

        SchoolContextXlsx.Summary s = SchoolContextXlsx.read(file, "bad.xlsx");

        assertThat(s.problems()).extracting(Problem::describe).containsExactly("bad.xlsx, лист «" + ACTIVITY
                + "», строка 4, столбец «" + PUPILS_2022 + "»: «сто пятьдесят» — не целое неотрицательное число (количество)");
    }

    @Test
    void anUnknownSettlementAnswerIsAProblem() {
        assertThat(SheetReader.settlement("2) Город")).isEqualTo(Settlement.CITY);
        assertThat(SheetReader.settlement("1) Административный центр субъекта РФ")).isEqualTo(Settlement.CITY);
        assertThat(SheetReader.settlement("4. Населенный пункт сельского типа (село, хутор, деревня и пр.)"))
                .isEqualTo(Settlement.VILLAGE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SheetReader.settlement("на острове"))
                .hasMessageContaining("«на острове» — не тип населённого пункта");
    }

    @Test
    void otherWorkbooksAreNotContextForms(@TempDir Path tmp) {
        Path logins = Xlsx.book().sheet("Лист1", List.of(List.of("логин", "имя", "регион"),
                List.of("sch220001", "Школа", "г. Алейск"))).write(tmp.resolve("logins.xlsx"));
        assertThat(SchoolContextXlsx.recognises(logins)).isFalse();
    }

    /** A tiny 2022-layout form with fake schools: two sheets, the second with a two-row header and rows in another order. */
    static Path form2022(Path file, String pupilsOfFirst) {
        List<List<Object>> general = List.of(
                row("Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа", "Дата загрузки", "№",
                        "1. ПОЛНОЕ наименование ОО (по уставу)", "2.\tСОКРАЩЕННОЕ наименование ОО (при наличии) (по уставу)",
                        "3.\tФИО директора (полностью)", "7.\tКод ОГЭ", "14. Где расположена образовательная организация?"),
                row("edu229001", 22, "reg220000 | Тестовый край", "reg22_m001 | Первый муниципальный район",
                        "edu229001 | МБОУ \"Первая СОШ\"", "01.02.2022 10:00:00", 1,
                        "Муниципальное бюджетное общеобразовательное учреждение \"Первая средняя общеобразовательная школа\"",
                        "МБОУ \"Первая СОШ\"", "Тестовый Директор", "9001",
                        "4) Населенный пункт сельского типа (поселок, село, деревня, станица, хутор и пр.)"),
                row("edu229002", 22, "reg220000 | Тестовый край", "reg22_m002 | город Тестовск",
                        "edu229002 | МБОУ \"Гимназия № 2\"", "02.02.2022 11:00:00", 1,
                        "Муниципальное бюджетное общеобразовательное учреждение \"Гимназия № 2\"", "МБОУ \"Гимназия № 2\"",
                        null, "9002", "1) Административный центр субъекта РФ"));
        List<List<Object>> activity = List.of(
                row("Пользователь", "17.2. ОО является отдельной организацией, осуществляющей образовательную деятельность "
                        + "по АОП (например, специальной (коррекционной) ОО?", PUPILS_2022,
                        "Общее количество обучающихся в 2021/2022 учебном году", null,
                        "Количество обучающихся по АОП, с ограниченными возможностями здоровья и/или инвалидов", null,
                        "25. Сколько всего в ОО учителей/преподавателей?",
                        "27. Сколько всего в ОО учителей/преподавателей первой и высшей категорий?"),
                row(null, null, null, "2006 года рождения", "2007 года рождения", "2006 г. р.", "2007 г. р.", null, null),
                row("edu229002", "Нет", 800, 60, 70, 0, 0, 55, 50),
                row("edu229001", "Нет", pupilsOfFirst, 10, 12, 1, 2, 20, 15));
        return Xlsx.book().sheet(GENERAL, general).sheet(ACTIVITY, activity).write(file);
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static long sum(SchoolContextXlsx.Summary s, Function<ContextRow, Integer> field) {
        return s.rows().stream().map(field).filter(Objects::nonNull).mapToLong(Integer::longValue).sum();
    }

    private static <K> Map<K, Long> count(SchoolContextXlsx.Summary s, Function<ContextRow, K> field) {
        return s.rows().stream().filter(r -> field.apply(r) != null)
                .collect(Collectors.groupingBy(field, Collectors.counting()));
    }

    private static Map<String, ContextRow> byLogin(SchoolContextXlsx.Summary s) {
        return s.rows().stream().collect(Collectors.toMap(ContextRow::login, r -> r, (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}

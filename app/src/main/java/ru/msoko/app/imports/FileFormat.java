package ru.msoko.app.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.TextDecoding;
import ru.msoko.core.context.SchoolContextXlsx;
import ru.msoko.core.fisoko.FisOkoFormat;
import ru.msoko.core.fisoko.LoginListXlsx;
import ru.msoko.core.fisoko.OfficialMarkersXlsx;
import ru.msoko.core.fisoko.TextbookListXlsx;
import ru.msoko.core.gia.MoscowEgeCsv;
import ru.msoko.core.fisoko.Workbook;
import ru.msoko.core.fisoko.XlsxLimits;
import ru.msoko.core.gia.RcoiReader;
import ru.msoko.core.gia.RegionalEgeSummaryXlsx;
import ru.msoko.core.journal.JournalCsv;
import ru.msoko.core.scales.GiaScaleCsv;
import ru.msoko.core.olympiad.ProtocolReader;
import ru.msoko.core.scales.MarkScaleCsv;
import ru.msoko.core.scales.ScaleCorrectionCsv;

/** Recognises which format a file is in by its content (sheets and headers), never by its name. */
enum FileFormat {
    RESULTS_CSV("results.csv (канонический формат результатов)",
            "в первой строке есть столбцы «procedure» и «participant» (канонический формат, DESIGN §4)"),
    SCHOOLS_CSV("schools.csv (справочник школ)",
            "в первой строке есть столбцы «school_code», «municipality_code» и «name»"),
    MARK_SCALES_CSV("шкалы перевода первичных баллов в отметки (CSV)",
            "в первой строке есть столбцы year, grade, subject и границы отметок mark2_from … mark5_to"),
    GIA_SCALES_CSV("шкалы ГИА: ОГЭ, ГВЭ, ЕГЭ (CSV)",
            "в первой строке есть столбцы procedure, year, subject и entry (части шкалы: mark, test, minimum, rule)"),
    SCALE_CORRECTIONS_CSV("подтверждённые исправления шкал (CSV)",
            "в первой строке есть столбцы year, grade, subject, mark, from, to, confirmed_by и reason"),
    FISOKO_FORM(FisOkoFormat.FORM.title(), "в книге есть лист «Протокол» (форма сбора результатов ВПР)"),
    FISOKO_EXPORT_2021(FisOkoFormat.EXPORT_2021.title(),
            "в заголовке первого листа есть «логин школы» и столбцы «балл за 1» … «балл за K»"),
    FISOKO_EXPORT_2020(FisOkoFormat.EXPORT_2020.title(),
            "в заголовке первого листа есть «user», «code» и столбцы баллов «a-1-grade» …"),
    OFFICIAL_MARKERS_XLSX("перечень ОО с признаками необъективности (ФИС ОКО)",
            "на листе есть столбец «Логин» и столбцы маркеров вида «4 РУ», «5 МА»"),
    RCOI_GIA("РЦОИ: ведомость результатов ГИА (ОГЭ, ГВЭ, ЕГЭ)",
            "в одной из первых строк листа есть «Фамилия», «Первичный балл» и «Задания с кратким/развёрнутым ответом»"),
    OLYMPIAD_PROTOCOL("ВсОШ: протокол этапа олимпиады (рейтинговая таблица)",
            "на листе есть строка заголовка со столбцами «ФИО» (или «Фамилия») и «Итого» («Балл») или «Статус»"),
    PASS_FAIL_LIST("итоговое сочинение (изложение), собеседование: зачёт/незачёт",
            "на листе есть строка заголовка со столбцами «ФИО» (или «Фамилия») и «Результат» («Зачёт/незачёт») "
                    + "со значениями «зачёт»/«незачёт»"),
    LOGIN_LIST_XLSX("список логинов ОО ФИС ОКО (справочник школ)",
            "на листе есть столбцы «логин», «имя» и «регион» (муниципалитет)"),
    EGE_MOSCOW_CSV("ЕГЭ по ОО: открытые данные Москвы (CSV)",
            "в первой строке есть столбцы OGRN, PASSED_NUMBER_FULL и PASSES_OVER_220 / PASSER_UNDER_160 (data.mos.ru)"),
    EGE_REGIONAL_SUMMARY_XLSX("ЕГЭ по ОО: региональная сводная ведомость (xlsx)",
            "на листе есть трёхуровневый заголовок: «Муниципалитет», «Образовательная организация», блок «из них» → "
                    + "предмет → показатели («приняли участие», «средний балл» …)"),
    JOURNAL_PUPILS_CSV("отметки из электронного журнала по ученикам (CSV)",
            "в первой строке есть столбцы school_code, year, period, class, pupil, subject и mark"),
    JOURNAL_MARKS_CSV("распределение отметок из электронного журнала по классам (CSV)",
            "в первой строке есть столбцы school_code, year, period, class, subject и n2, n3, n4, n5"),
    SCHOOL_CONTEXT_XLSX("контекстные данные ОО (ФИС ОКО)",
            "на листе есть столбец логина ОО («логин» или «Пользователь») и вопросы формы «Сбор контекстных данных об ОО»: "
                    + "количество обучающихся, учителей, где расположена ОО и др."),
    WORK_CODIFIERS("описания работ ВПР (кодификаторы ALL.xlsx, KS.xlsx, KT.xlsx)",
            "это папка с файлами <класс>/<предмет>/ALL.xlsx"),
    TEXTBOOKS_XLSX("список учебников ФИС ОКО (коды учебников)",
            "на первом листе в большинстве строк код учебника ФИС ОКО в столбце A (ma4.8, bio11.1) и его описание в B"),
    UNKNOWN("не распознан", "ни один из известных форматов не подошёл");

    private final String title;
    private final String because;

    FileFormat(String title, String because) {
        this.title = title;
        this.because = because;
    }

    String title() {
        return title;
    }

    /** Every format a file can be recognised as, for the message about an unrecognised file. */
    static String known() {
        return Arrays.stream(values()).filter(f -> f != UNKNOWN && f != WORK_CODIFIERS).map(f -> "«" + f.title + "»")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Why a file is taken for this format: «распознан как …, потому что …» (shown in the import log). */
    String explanation() {
        return "распознан как «" + title + "», потому что " + because;
    }

    /**
     * @param limits what an xlsx may unpack to: checked before any reader opens it
     * @throws ru.msoko.core.canonical.InputException when an xlsx is damaged or breaks the limits
     */
    static FileFormat detect(Path file, String fileName, XlsxLimits limits) throws IOException {
        byte[] head = new byte[64 * 1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (isZip(head, n)) {
            limits.check(file, fileName);
            if (OfficialMarkersXlsx.recognises(file)) {
                return OFFICIAL_MARKERS_XLSX;
            }
            if (LoginListXlsx.recognises(file)) {
                return LOGIN_LIST_XLSX;
            }
            if (SchoolContextXlsx.recognises(file)) {
                return SCHOOL_CONTEXT_XLSX;
            }
            var protocol = ProtocolReader.recognise(file);
            if (protocol.isPresent()) {
                return protocol.get() == ProtocolReader.Kind.OLYMPIAD ? OLYMPIAD_PROTOCOL : PASS_FAIL_LIST;
            }
            return FisOkoFormat.detect(file).map(f -> switch (f) {
                case FORM -> FISOKO_FORM;
                case EXPORT_2021 -> FISOKO_EXPORT_2021;
                case EXPORT_2020 -> FISOKO_EXPORT_2020;
            }).orElseGet(() -> RcoiReader.recognises(file) ? RCOI_GIA
                    : RegionalEgeSummaryXlsx.recognises(file) ? EGE_REGIONAL_SUMMARY_XLSX
                    // last: a list recognised by its rows, not by a header (no other real workbook passes, see tests)
                    : TextbookListXlsx.recognises(file) ? TEXTBOOKS_XLSX : UNKNOWN);
        }
        Charset cs = TextDecoding.detect(head, n);
        String text = new String(head, 0, n, cs);
        int eol = text.indexOf('\n');
        String header = (eol < 0 ? text : text.substring(0, eol)).replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        List<String> names = Arrays.stream(header.split("[;,\t]")).map(h -> h.replace("\"", "").trim()).toList();
        if (header.contains("participant") && header.contains("procedure")) {
            return RESULTS_CSV;
        }
        if (header.contains("school_code") && header.contains("municipality_code") && header.contains("name")) {
            return SCHOOLS_CSV;
        }
        if (MoscowEgeCsv.recognises(names)) {
            return EGE_MOSCOW_CSV;
        }
        var journal = JournalCsv.recognise(names);
        if (journal.isPresent()) {
            return journal.get() == JournalCsv.Layout.PUPILS ? JOURNAL_PUPILS_CSV : JOURNAL_MARKS_CSV;
        }
        if (MarkScaleCsv.recognises(names)) {
            return MARK_SCALES_CSV;
        }
        if (GiaScaleCsv.recognises(names)) {
            return GIA_SCALES_CSV;
        }
        return ScaleCorrectionCsv.recognises(names) ? SCALE_CORRECTIONS_CSV : UNKNOWN;
    }

    private static boolean isZip(byte[] head, int n) {
        return n >= 2 && head[0] == 'P' && head[1] == 'K';
    }

    /** For an unrecognised workbook, which sheets it has («Листы книги: «Классы», «Лист1».»); empty for a text file. */
    static String sheetsOf(Path file) throws IOException {
        byte[] head = new byte[2];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (!isZip(head, n)) {
            return "";
        }
        try (Workbook book = Workbook.open(file, file.getFileName().toString())) {
            return book.sheetNames().stream().map(s -> "«" + s + "»")
                    .collect(java.util.stream.Collectors.joining(", ", "Листы книги: ", ". "));
        } catch (InputException e) {
            return "";
        }
    }
}

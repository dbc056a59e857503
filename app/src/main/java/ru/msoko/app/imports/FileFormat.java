package ru.msoko.app.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import ru.msoko.core.canonical.TextDecoding;
import ru.msoko.core.fisoko.FisOkoFormat;
import ru.msoko.core.fisoko.LoginListXlsx;
import ru.msoko.core.fisoko.OfficialMarkersXlsx;
import ru.msoko.core.gia.RcoiReader;
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
    WORK_CODIFIERS("описания работ ВПР (кодификаторы ALL.xlsx, KS.xlsx, KT.xlsx)",
            "это папка с файлами <класс>/<предмет>/ALL.xlsx"),
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

    static FileFormat detect(Path file) throws IOException {
        byte[] head = new byte[64 * 1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
            if (OfficialMarkersXlsx.recognises(file)) {
                return OFFICIAL_MARKERS_XLSX;
            }
            if (LoginListXlsx.recognises(file)) {
                return LOGIN_LIST_XLSX;
            }
            var protocol = ProtocolReader.recognise(file);
            if (protocol.isPresent()) {
                return protocol.get() == ProtocolReader.Kind.OLYMPIAD ? OLYMPIAD_PROTOCOL : PASS_FAIL_LIST;
            }
            return FisOkoFormat.detect(file).map(f -> switch (f) {
                case FORM -> FISOKO_FORM;
                case EXPORT_2021 -> FISOKO_EXPORT_2021;
                case EXPORT_2020 -> FISOKO_EXPORT_2020;
            }).orElseGet(() -> RcoiReader.recognises(file) ? RCOI_GIA : UNKNOWN);
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
        if (MarkScaleCsv.recognises(names)) {
            return MARK_SCALES_CSV;
        }
        return ScaleCorrectionCsv.recognises(names) ? SCALE_CORRECTIONS_CSV : UNKNOWN;
    }
}

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
import ru.msoko.core.fisoko.OfficialMarkersXlsx;
import ru.msoko.core.gia.RcoiReader;
import ru.msoko.core.scales.MarkScaleCsv;
import ru.msoko.core.scales.ScaleCorrectionCsv;

/** Recognises which format a file is in by its content (sheets and headers), never by its name. */
enum FileFormat {
    RESULTS_CSV("results.csv (канонический формат результатов)"),
    SCHOOLS_CSV("schools.csv (справочник школ)"),
    MARK_SCALES_CSV("шкалы перевода первичных баллов в отметки (CSV)"),
    SCALE_CORRECTIONS_CSV("подтверждённые исправления шкал (CSV)"),
    FISOKO_FORM(FisOkoFormat.FORM.title()),
    FISOKO_EXPORT_2021(FisOkoFormat.EXPORT_2021.title()),
    FISOKO_EXPORT_2020(FisOkoFormat.EXPORT_2020.title()),
    OFFICIAL_MARKERS_XLSX("перечень ОО с признаками необъективности (ФИС ОКО)"),
    RCOI_GIA("РЦОИ: ведомость результатов ГИА (ОГЭ, ГВЭ, ЕГЭ)"),
    UNKNOWN("не распознан");

    private final String title;

    FileFormat(String title) {
        this.title = title;
    }

    String title() {
        return title;
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

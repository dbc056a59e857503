package ru.msoko.app.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import ru.msoko.core.canonical.TextDecoding;

/** Recognises which format a file is in, and says why. */
enum FileFormat {
    RESULTS_CSV("results.csv (канонический формат результатов)"),
    SCHOOLS_CSV("schools.csv (справочник школ)"),
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
            return UNKNOWN;
        }
        Charset cs = TextDecoding.detect(head, n);
        String text = new String(head, 0, n, cs);
        int eol = text.indexOf('\n');
        String header = (eol < 0 ? text : text.substring(0, eol)).toLowerCase(Locale.ROOT);
        if (header.contains("participant") && header.contains("procedure")) {
            return RESULTS_CSV;
        }
        if (header.contains("school_code") && header.contains("municipality_code") && header.contains("name")) {
            return SCHOOLS_CSV;
        }
        return UNKNOWN;
    }
}

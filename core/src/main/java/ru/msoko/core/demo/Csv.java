package ru.msoko.core.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ru.msoko.core.text.SpreadsheetSafe;

/** A semicolon-separated UTF-8 file written row by row. */
final class Csv implements AutoCloseable {

    private final BufferedWriter out;
    private long rows;

    Csv(Path file, String header) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(header);
        out.write('\n');
    }

    void row(String line) throws IOException {
        out.write(line);
        out.write('\n');
        rows++;
    }

    long rows() {
        return rows;
    }

    /**
     * A text value: neutralised against formula injection like every file the product writes (the generated
     * names never begin like a formula, so the demo files import unchanged), then quoted when it holds the
     * separator or quotes.
     */
    static String quote(String value) {
        String v = SpreadsheetSafe.text(value);
        return v.indexOf(';') >= 0 || v.indexOf('"') >= 0 ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

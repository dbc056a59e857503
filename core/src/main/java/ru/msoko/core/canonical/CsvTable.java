package ru.msoko.core.canonical;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A delimited text file opened for streaming: encoding and separator detected, header read, rows
 * handed out one at a time with their line numbers. Never loads the whole file.
 */
public final class CsvTable implements AutoCloseable {

    private static final int SNIFF_BYTES = 1 << 20;

    private final String fileName;
    private final Charset charset;
    private final char separator;
    private final CsvReader<CsvLine> reader;
    private final Iterator<CsvLine> records;
    private final List<String> header;

    private CsvTable(String fileName, Charset charset, char separator, CsvReader<CsvLine> reader) {
        this.fileName = fileName;
        this.charset = charset;
        this.separator = separator;
        this.reader = reader;
        this.records = reader.iterator();
        this.header = header(fileName, reader, records);
    }

    /** The first record; a header the parser refuses (a stray quote, found by ImportFuzzTest) is a problem of line 1. */
    private static List<String> header(String fileName, CsvReader<CsvLine> reader, Iterator<CsvLine> records) {
        try {
            return records.hasNext() ? cleanHeader(records.next().getFields()) : List.of();
        } catch (CsvParseException | UncheckedIOException e) {
            try {
                reader.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new InputException(new Problem(fileName, null, 1, null,
                    "строку заголовка не удаётся разобрать как CSV: " + e.getMessage()));
        }
    }

    /**
     * Opens a file. Throws {@link InputException} with a Russian message for an empty file.
     *
     * @param fileName the name to show in messages (the user's file name, not a temp path)
     */
    public static CsvTable open(Path path, String fileName) throws IOException {
        byte[] head = new byte[SNIFF_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(path)) {
            length = in.readNBytes(head, 0, head.length);
        }
        if (length == 0 || new String(head, 0, length, Charset.forName("ISO-8859-1")).isBlank()) {
            throw new InputException(Problem.ofFile(fileName, "файл пуст"));
        }
        Charset charset = TextDecoding.detect(head, length);
        int eol = 0;
        while (eol < length && head[eol] != '\n') { // '\n' is one byte in UTF-8 and in Windows-1251 alike
            eol++;
        }
        char separator = TextDecoding.detectSeparator(new String(head, 0, eol, charset));
        CsvReader<CsvLine> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(true)
                .build(new LineHandler(), path, charset);
        return new CsvTable(fileName, charset, separator, reader);
    }

    private static List<String> cleanHeader(List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        for (String h : raw) {
            out.add(h.replace('\uFEFF', ' ').trim());
        }
        return out;
    }

    public String fileName() {
        return fileName;
    }

    public Charset charset() {
        return charset;
    }

    public char separator() {
        return separator;
    }

    public List<String> header() {
        return header;
    }

    /** Index of a header (case-insensitive), or -1. */
    public int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The next data row, or {@code null} at the end.
     *
     * @throws InputException when the file cannot be parsed further (for example an unclosed quote)
     */
    public CsvLine next() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            throw new InputException(Problem.ofFile(fileName, "файл не удаётся разобрать как CSV: " + e.getMessage()));
        } catch (UncheckedIOException e) {
            throw new InputException(Problem.ofFile(fileName, "ошибка чтения файла: " + e.getMessage()));
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

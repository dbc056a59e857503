package ru.msoko.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code manifest.properties} of a backup: what made it, the schema version it needs, and per table (in restore
 * order) its columns, row count and SHA-256. Comments say in Russian that the secret key is not inside.
 */
record Manifest(int formatVersion, String appVersion, String schemaVersion, Instant createdAt, String engine,
        String secretKeyId, List<Entry> tables) {

    static final String FILE = "manifest.properties";
    static final String FORMAT = "msoko-backup";
    static final int FORMAT_VERSION = 1;

    record Entry(String table, List<String> columns, TableChecksums.Digest digest) {
    }

    static String tableFile(String table) {
        return "tables/" + table + ".tsv";
    }

    long rows() {
        return tables.stream().mapToLong(e -> e.digest().rows()).sum();
    }

    Entry entry(String table) {
        return tables.stream().filter(e -> e.table().equals(table)).findFirst().orElse(null);
    }

    void write(OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("# Резервная копия базы данных МСОКО (docs/ru/user-guide.md, «Резервная копия»).\n");
        w.write("# Секретный ключ псевдонимизации secret.key НЕ входит в копию: храните его отдельно.\n");
        w.write("# Без того же ключа новые загрузки дадут участникам другие псевдонимы.\n");
        line(w, "format", FORMAT);
        line(w, "format.version", Integer.toString(formatVersion));
        line(w, "app.version", appVersion);
        line(w, "schema.version", schemaVersion);
        line(w, "created.at", createdAt.toString());
        line(w, "engine", engine);
        line(w, "secret.key.included", "false");
        line(w, "secret.key.id", secretKeyId);
        line(w, "tables", String.join(",", tables.stream().map(Entry::table).toList()));
        for (Entry e : tables) {
            line(w, "table." + e.table() + ".columns", String.join(",", e.columns()));
            line(w, "table." + e.table() + ".rows", Long.toString(e.digest().rows()));
            line(w, "table." + e.table() + ".sha256", e.digest().sha256());
        }
        w.flush();
    }

    private static void line(Writer w, String key, String value) throws IOException {
        w.write(key + "=" + value + "\n");
    }

    /** Reads a manifest; IllegalArgumentException (Russian message) when it is not one this version reads. */
    static Manifest read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("это не резервная копия МСОКО (в " + FILE + " нет format=" + FORMAT + ")");
        }
        int version = Integer.parseInt(required(p, "format.version"));
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("версия формата копии " + version + ", а эта версия МСОКО читает "
                    + FORMAT_VERSION);
        }
        List<Entry> tables = new ArrayList<>();
        for (String t : required(p, "tables").split(",")) {
            tables.add(new Entry(t, Arrays.asList(required(p, "table." + t + ".columns").split(",")),
                    new TableChecksums.Digest(Long.parseLong(required(p, "table." + t + ".rows")),
                            required(p, "table." + t + ".sha256"))));
        }
        return new Manifest(version, required(p, "app.version"), required(p, "schema.version"),
                Instant.parse(required(p, "created.at")), required(p, "engine"), p.getProperty("secret.key.id", ""),
                List.copyOf(tables));
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("в " + FILE + " нет «" + key + "»");
        }
        return v.trim();
    }
}

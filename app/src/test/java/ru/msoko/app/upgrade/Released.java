package ru.msoko.app.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** upgrade/released.tsv: the released schema versions and the migration files each release carried. */
final class Released {

    /** A landed commit and the highest Flyway version it carried. */
    record Release(String commit, int stop, String version) {
    }

    /** A migration file as first released: path under app/, SHA-256 of its text, Flyway checksum ("-" for Java). */
    record MigrationFile(String release, String path, String sha256, String flywayChecksum) {

        String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** The Flyway version in the file name: V12__import_log.sql → 12. */
        String version() {
            return fileName().substring(1, fileName().indexOf("__"));
        }
    }

    static final List<Release> RELEASES = new ArrayList<>();
    static final List<MigrationFile> FILES = new ArrayList<>();

    static {
        try (InputStream in = Released.class.getResourceAsStream("/upgrade/released.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\t");
                if (f[0].equals("release")) {
                    RELEASES.add(new Release(f[1], Integer.parseInt(f[2]), f[3]));
                } else if (f[0].equals("file")) {
                    FILES.add(new MigrationFile(f[1], f[2], f[3], f[4]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Released() {
    }

    /** The released versions as JUnit arguments: "2", "6", "19". */
    static List<String> versions() {
        return RELEASES.stream().map(Release::version).toList();
    }
}

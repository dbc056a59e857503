package ru.msoko.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import ru.msoko.app.support.JavaMigrations;

/**
 * Migrations are forward-only: a migration file that was in a released commit never changes, and a new one gets a
 * version above the last release. Two checks of the same fact, because each covers what the other cannot:
 * <ul>
 * <li>the SHA-256 of each released file as {@code git show <release>:<path>} gave it (upgrade/released.tsv) against
 * the file now — covers the Java migration too, which Flyway does not checksum;</li>
 * <li>Flyway's own checksum of each released SQL file against the current one — what {@code validate} compares in a
 * real installation at start («Migration checksum mismatch»); a test that builds its database from the current files
 * cannot see a change that way, since the history it writes comes from the same files.</li>
 * </ul>
 */
class ReleasedMigrationsTest {

    private static String sha256(Path file) throws Exception {
        // line ends normalised: a checkout with CRLF is the same file
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, MigrationInfo> resolved() {
        Flyway flyway = Flyway.configure().dataSource("jdbc:h2:mem:released;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")
                .locations("classpath:db/migration").javaMigrations(JavaMigrations.all()).load();
        return Stream.of(flyway.info().all())
                .collect(Collectors.toMap(i -> i.getVersion().getVersion(), Function.identity()));
    }

    @Test
    void noReleasedMigrationFileChanged() throws Exception {
        // 20 files in the six releases (V1, V2 | V3, V5, V6 | V12–V16, V18, V19 | V20–V24 | V25, V27 | V28), listed
        // from git ls-tree
        assertThat(Released.FILES).hasSize(20);
        for (Released.MigrationFile f : Released.FILES) {
            Path now = Path.of(f.path());
            assertThat(now).as("released migration %s (release %s) is gone", f.path(), f.release()).isRegularFile();
            assertThat(sha256(now)).as("released migration %s (release %s) was changed; add a new migration instead",
                    f.path(), f.release()).isEqualTo(f.sha256());
        }
    }

    @Test
    void flywayComputesTheReleasedChecksums() {
        Map<String, MigrationInfo> resolved = resolved();
        for (Released.MigrationFile f : Released.FILES) {
            MigrationInfo info = resolved.get(f.version());
            assertThat(info).as("V%s is no longer resolved by Flyway", f.version()).isNotNull();
            assertThat(info.getScript()).endsWith(f.fileName().replace(".java", ""));
            String checksum = info.getChecksum() == null ? "-" : info.getChecksum().toString();
            assertThat(checksum).as("Flyway checksum of %s", f.fileName()).isEqualTo(f.flywayChecksum());
        }
    }

    @Test
    void newMigrationsComeAfterTheLastRelease() {
        MigrationVersion lastReleased = MigrationVersion.fromVersion(Released.RELEASES.get(Released.RELEASES.size() - 1).version());
        List<String> released = Released.FILES.stream().map(Released.MigrationFile::version).toList();
        for (MigrationInfo info : resolved().values()) {
            if (!released.contains(info.getVersion().getVersion())) {
                assertThat(info.getVersion()).as("%s: a migration not in a release must have a version above %s "
                        + "(installations of that release would refuse an older one as «not applied»)",
                        info.getScript(), lastReleased).isGreaterThan(lastReleased);
            }
        }
        // each release's highest version is the highest of the files it carried
        for (Released.Release r : Released.RELEASES) {
            int index = Released.RELEASES.indexOf(r);
            List<String> upToRelease = Released.RELEASES.subList(0, index + 1).stream().map(Released.Release::commit).toList();
            String highest = Released.FILES.stream().filter(f -> upToRelease.contains(f.release()))
                    .map(f -> MigrationVersion.fromVersion(f.version())).max(MigrationVersion::compareTo).orElseThrow()
                    .getVersion();
            assertThat(highest).as("release %s", r.commit()).isEqualTo(r.version());
        }
    }
}

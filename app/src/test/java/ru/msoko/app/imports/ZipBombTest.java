package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.app.support.XlsxFiles;

/** The corpus's zip bomb is a real one: a valid archive whose part inflates to the stated size (CRC checked). */
class ZipBombTest {

    @TempDir
    Path dir;

    @Test
    void theBombInflatesToWhatItDeclaresInAThousandthOfTheSpace() throws IOException {
        Path book = XlsxFiles.write(dir.resolve("b.xlsx"), Map.of("Лист1", List.of(List.of("Код"))));
        Path bomb = ZipBomb.write(book, "xl/worksheets/sheet1.xml", 12, dir.resolve("bomb.xlsx"));

        long inflated = -1;
        // ZipInputStream checks every entry's CRC and sizes against its header and throws on a mismatch
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bomb))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                long n = in.transferTo(java.io.OutputStream.nullOutputStream());
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    inflated = n;
                }
            }
        }
        assertThat(inflated).isEqualTo(12L << 20);
        assertThat(Files.size(bomb)).isLessThan((12L << 20) / 500);
        assertThat(XlsxFiles.parts(bomb).keySet()).isEqualTo(XlsxFiles.parts(book).keySet());
    }
}

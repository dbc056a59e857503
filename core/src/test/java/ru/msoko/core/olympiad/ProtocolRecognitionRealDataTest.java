package ru.msoko.core.olympiad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.msoko.core.support.RealData;

/**
 * Protocol recognition runs before the ФИС ОКО formats (a protocol workbook may have a sheet «Протокол»), so it must
 * take none of the real ФИС ОКО forms, exports, context forms, logins, codifiers or marker lists for a protocol.
 */
class ProtocolRecognitionRealDataTest {

    @Test
    void noRealPublicWorkbookIsTakenForAProtocol() throws IOException {
        Path root = RealData.require("");
        List<Path> books;
        try (Stream<Path> files = Files.walk(root)) {
            books = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
        }
        // 63 workbooks in the shared data when this test was written (find … -name '*.xlsx' | wc -l).
        assertThat(books).hasSizeGreaterThanOrEqualTo(60);
        assertThat(books).filteredOn(b -> ProtocolReader.recognise(b).isPresent()).isEmpty();
    }
}

package ru.msoko.core.olympiad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import ru.msoko.core.support.RealData;

/**
 * Protocol recognition runs before the ФИС ОКО formats (a protocol workbook may have a sheet «Протокол»), so it must
 * take none of the real ФИС ОКО forms, exports, context forms, logins, codifiers or marker lists for a protocol.
 */
class ProtocolRecognitionRealDataTest {

    @Test
    void noRealPublicWorkbookIsTakenForAProtocol() throws IOException {
        assertThat(RealData.allWorkbooks()).filteredOn(b -> ProtocolReader.recognise(b).isPresent()).isEmpty();
    }
}

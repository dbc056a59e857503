package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import org.junit.jupiter.api.Test;

class ResultBatchWriterTest {

    @Test
    void copyLinesQuoteTextKeepEmptyTextApartFromNullAndWriteBooleansAsPostgresReadsThem() {
        StringBuilder csv = new StringBuilder();

        ResultBatchWriter.appendCsv(csv, new Object[] {7L, "5\"А\",б", "", null, true, false, 12.5, 3,
                Date.valueOf("2021-04-15")});

        // PostgreSQL COPY (format csv): "" inside quotes is one quote; an unquoted empty field is NULL
        assertThat(csv).hasToString("7,\"5\"\"А\"\",б\",\"\",,t,f,12.5,3,2021-04-15\n");
    }
}

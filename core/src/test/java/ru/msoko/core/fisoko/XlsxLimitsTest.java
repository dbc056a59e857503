package ru.msoko.core.fisoko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.support.RealData;

/** The zip-bomb and XXE guard in front of fastexcel, and how a damaged sheet is reported. */
class XlsxLimitsTest {

    private static final String SECRET = "СЕКРЕТ-СЕРВЕРА-42";
    /** 8 MB of the same byte: deflate packs it about 1000 times. */
    private static final byte[] ZEROS = new byte[8 << 20];

    @TempDir
    Path dir;

    private Path zip(String name, Map<String, byte[]> parts) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var p : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(p.getKey()));
                out.write(p.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    private static String message(XlsxLimits limits, Path file) {
        try {
            limits.check(file, file.getFileName().toString());
        } catch (InputException e) {
            assertThat(e.problems()).hasSize(1);
            Problem p = e.problems().get(0);
            assertThat(p.file()).isEqualTo(file.getFileName().toString());
            return p.message();
        }
        throw new AssertionError("the file passed the guard: " + file);
    }

    @Test
    void anOrdinaryWorkbookPasses() {
        Path book = Xlsx.book().sheet("Протокол", List.of(List.of("Код", "1 (1б)"), List.of(40001, 1)))
                .write(dir.resolve("ok.xlsx"));
        assertThatCode(() -> XlsxLimits.DEFAULT.check(book, "ok.xlsx")).doesNotThrowAnyException();
    }

    /** Every real workbook of the shared data passes the default limits (the largest unpacks to 57 MB, ratio 19). */
    @Test
    void everyRealWorkbookPasses() throws IOException {
        Path root = RealData.require("vpr-altai-krai-fisoko");
        List<Path> books;
        try (Stream<Path> files = Files.walk(root)) {
            books = files.filter(f -> f.toString().endsWith(".xlsx")).toList();
        }
        assertThat(books).hasSizeGreaterThan(50);
        for (Path b : books) {
            assertThatCode(() -> XlsxLimits.DEFAULT.check(b, b.getFileName().toString())).as(b.toString())
                    .doesNotThrowAnyException();
        }
    }

    /** 8 MB of zeros is packed to about 8 KB; the part is over the 10 MB floor only in a 16 MB copy. */
    @Test
    void aPartCompressedFarBeyondRealBooksIsRefused() throws IOException {
        byte[] sixteen = new byte[16 << 20];
        Path bomb = zip("bomb.xlsx", Map.of("xl/worksheets/sheet1.xml", sixteen));

        assertThat(message(XlsxLimits.DEFAULT, bomb)).startsWith("часть книги «xl/worksheets/sheet1.xml» сжата больше "
                + "чем в 100 раз (").contains("распаковываются в 16 МБ", "«zip-бомба»");
        assertThatCode(() -> XlsxLimits.DEFAULT.check(zip("eight.xlsx", Map.of("a.xml", ZEROS)), "eight.xlsx"))
                .as("8 MB is under the 10 MB floor of the ratio rule").doesNotThrowAnyException();
    }

    @Test
    void aBookDeclaringMoreThanTheLimitIsRefusedWithoutInflating() throws IOException {
        Path book = zip("big.xlsx", Map.of("a.xml", ZEROS, "b.xml", ZEROS));
        XlsxLimits twelveMb = XlsxLimits.DEFAULT.withMaxUnpackedBytes(12L << 20);

        assertThat(message(twelveMb, book)).isEqualTo("книга распаковывается больше чем в 12 МБ (объявлено 16 МБ и "
                + "больше): файл отклонён как возможная «zip-бомба». Если это настоящая выгрузка, разделите её на части "
                + "или увеличьте предел настройкой msoko.import.xlsx-max-unpacked");
    }

    /** The central directory says 100 bytes per part; the parts really inflate to 8 MB each. */
    @Test
    void declaredSizesThatLieAreCaughtWhileInflating() throws IOException {
        Path book = zip("liar.xlsx", Map.of("a.xml", ZEROS, "b.xml", ZEROS));
        byte[] bytes = Files.readAllBytes(book);
        assertThat(declareUncompressedSize(bytes, 100)).isEqualTo(2);
        Files.write(book, bytes);
        XlsxLimits twelveMb = XlsxLimits.DEFAULT.withMaxUnpackedBytes(12L << 20);

        assertThat(message(twelveMb, book)).startsWith("книга распаковывается больше чем в 12 МБ (распаковано уже ")
                .contains("хотя объявлено меньше");
    }

    /** Overwrites «uncompressed size» of every central directory record (signature PK\1\2, field at +24). */
    private static int declareUncompressedSize(byte[] zip, int size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int patched = 0;
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50) {
                b.putInt(i + 24, size);
                patched++;
            }
        }
        return patched;
    }

    @Test
    void tooManyPartsAreRefused() throws IOException {
        Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            parts.put("p" + i + ".xml", new byte[0]);
        }
        XlsxLimits ten = new XlsxLimits(1L << 30, 100, 10L << 20, 10);

        assertThat(message(ten, zip("many.xlsx", parts)))
                .isEqualTo("в архиве книги 12 частей, а допустимо не больше 10: это не похоже на книгу Excel");
    }

    @Test
    void aTruncatedBookIsDamaged() throws IOException {
        Path book = Xlsx.book().sheet("Протокол", List.of(List.of("Код"), List.of(40001))).write(dir.resolve("cut.xlsx"));
        byte[] bytes = Files.readAllBytes(book);
        Files.write(book, Arrays.copyOf(bytes, bytes.length * 2 / 3));

        assertThat(message(XlsxLimits.DEFAULT, book)).startsWith("файл повреждён или обрезан: это не архив книги "
                + "Excel (xlsx), который можно распаковать (");
    }

    /** A sheet whose XML declares an external entity that would read a local file (XXE). */
    private Path withEntity(String name) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Код</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>";
        Path book = Xlsx.book().sheet("Протокол", List.of(List.of("Код"))).write(dir.resolve(name));
        byte[] replaced = Parts.replace(book, "xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
        return Files.write(book, replaced);
    }

    @Test
    void aDoctypeIsRefusedBeforeTheParserSeesIt() throws IOException {
        Path book = withEntity("xxe.xlsx");

        assertThat(message(XlsxLimits.DEFAULT, book)).isEqualTo("часть книги «xl/worksheets/sheet1.xml» содержит "
                + "объявление DOCTYPE: Excel его не записывает, а через внешние сущности XML (XXE) файл мог бы прочитать "
                + "другие файлы сервера; книга отклонена");
    }

    /** Behind the guard, fastexcel's parser (Aalto, DTD support off) refuses the entity: nothing of the file leaks. */
    @Test
    void withoutTheGuardTheParserRefusesTheEntityAndTheSheetIsReportedAsDamaged() throws IOException {
        Path book = withEntity("xxe.xlsx");

        try (Workbook wb = Workbook.open(book, "xxe.xlsx"); Workbook.Rows rows = wb.sheet("Протокол").orElseThrow()) {
            assertThat(rows.next().cells()).containsExactly("Код");
            assertThatThrownBy(rows::next).isInstanceOf(InputException.class)
                    .satisfies(e -> {
                        Problem p = ((InputException) e).problems().get(0);
                        assertThat(p.sheet()).isEqualTo("Протокол");
                        assertThat(p.message()).startsWith("лист не читается после строки 1: книга Excel повреждена (")
                                .contains("&xxe;").doesNotContain(SECRET);
                    });
        }
    }

    @Test
    void sizesAreWrittenTheRussianWay() {
        assertThat(XlsxLimits.size(1L << 30)).isEqualTo("1 ГБ");
        assertThat(XlsxLimits.size(3L << 19)).isEqualTo("1,5 МБ");
        assertThat(XlsxLimits.size(300 * 1024)).isEqualTo("300 КБ");
        assertThat(XlsxLimits.size(12)).isEqualTo("12 байт");
    }

    /** Copies a zip, replacing the content of one part. */
    static final class Parts {
        private Parts() {
        }

        static byte[] replace(Path zip, String part, byte[] content) throws IOException {
            var out = new java.io.ByteArrayOutputStream();
            try (var in = new java.util.zip.ZipFile(zip.toFile()); ZipOutputStream z = new ZipOutputStream(out)) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    z.putNextEntry(new ZipEntry(e.getName()));
                    z.write(e.getName().equals(part) ? content : in.getInputStream(e).readAllBytes());
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        }
    }
}

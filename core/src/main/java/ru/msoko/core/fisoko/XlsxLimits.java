package ru.msoko.core.fisoko;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;

/**
 * What an xlsx (a zip of XML parts) may unpack to, checked before fastexcel sees the file. A «zip bomb» — a few
 * hundred kilobytes that inflate to gigabytes — and XML parts with a DOCTYPE (the door of external entities, XXE)
 * are refused with a message naming the part.
 * <p>
 * The check runs twice over the archive: first over the sizes the central directory declares (cheap, nothing is
 * inflated), then over the bytes every part really inflates to, counted while inflating and stopped at the limit,
 * because declared sizes can lie. fastexcel opens the archive itself (commons-compress, package-private classes)
 * and offers no hook to count what it inflates, so the second pass is how inflated bytes are capped.
 * <p>
 * Real ФИС ОКО exports (the shared data: 63 books, the largest 57 MB unpacked) compress their parts at most about
 * 20 times; {@link #DEFAULT} allows 1 GB unpacked and refuses a part of over 10 MB compressed more than 100 times.
 *
 * @param maxUnpackedBytes the most all parts together may unpack to
 * @param maxRatio the highest compression ratio of a part larger than {@code ratioFromBytes}
 * @param ratioFromBytes parts up to this size unpacked may have any ratio (small styles compress well)
 * @param maxEntries the most parts an archive may have (real books have under 20; one per sheet, picture, …)
 */
public record XlsxLimits(long maxUnpackedBytes, int maxRatio, long ratioFromBytes, int maxEntries) {

    public static final XlsxLimits DEFAULT = new XlsxLimits(1L << 30, 100, 10L << 20, 10_000);

    /** Where a DOCTYPE could be: the prolog; a longer prolog is still refused by the parser (no DTD support). */
    private static final int PROLOG_BYTES = 64 * 1024;
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    public XlsxLimits withMaxUnpackedBytes(long bytes) {
        return new XlsxLimits(bytes, maxRatio, ratioFromBytes, maxEntries);
    }

    /** @throws InputException naming the file (and the part) when the archive is damaged or breaks a limit */
    public void check(Path path, String fileName) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            declared(zip, fileName);
            inflated(zip, fileName);
        } catch (ZipException e) {
            throw refused(fileName, "файл повреждён или обрезан: это не архив книги Excel (xlsx), который можно "
                    + "распаковать (" + e.getMessage() + "). Сохраните книгу в Excel заново и загрузите ещё раз");
        } catch (IOException e) {
            throw refused(fileName, "файл не удаётся прочитать: " + e.getMessage());
        }
    }

    /** The central directory alone: the number of parts, their declared sizes and ratios. */
    private void declared(ZipFile zip, String fileName) {
        if (zip.size() > maxEntries) {
            throw refused(fileName, "в архиве книги " + zip.size() + " частей, а допустимо не больше " + maxEntries
                    + ": это не похоже на книгу Excel");
        }
        long total = 0;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            total += Math.max(0, e.getSize());
            if (total > maxUnpackedBytes) {
                throw tooLarge(fileName, "объявлено " + size(total) + " и больше");
            }
            ratio(fileName, e, e.getSize());
        }
    }

    /** Every part inflated and counted (declared sizes can lie); XML parts are checked for a DOCTYPE. */
    private void inflated(ZipFile zip, String fileName) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            long part = 0;
            try (InputStream in = zip.getInputStream(e)) {
                int n;
                while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    if (part == 0 && isXml(e) && contains(buffer, Math.min(n, PROLOG_BYTES), DOCTYPE)) {
                        throw refused(fileName, "часть книги «" + e.getName() + "» содержит объявление DOCTYPE: "
                                + "Excel его не записывает, а через внешние сущности XML (XXE) файл мог бы прочитать "
                                + "другие файлы сервера; книга отклонена");
                    }
                    part += n;
                    total += n;
                    if (total > maxUnpackedBytes) {
                        throw tooLarge(fileName, "распаковано уже " + size(total) + ", хотя объявлено меньше");
                    }
                    ratio(fileName, e, part);
                }
            }
        }
    }

    private void ratio(String fileName, ZipEntry e, long unpacked) {
        long packed = Math.max(1, e.getCompressedSize());
        if (unpacked > ratioFromBytes && unpacked / packed > maxRatio) {
            throw refused(fileName, "часть книги «" + e.getName() + "» сжата больше чем в " + maxRatio + " раз ("
                    + size(packed) + " распаковываются в " + size(unpacked) + " и больше); настоящие книги Excel "
                    + "сжимаются примерно в 5–20 раз, файл отклонён как возможная «zip-бомба»");
        }
    }

    private static boolean isXml(ZipEntry e) {
        String name = e.getName().toLowerCase(Locale.ROOT);
        return name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml");
    }

    private static boolean contains(byte[] b, int length, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private InputException tooLarge(String fileName, String detail) {
        return refused(fileName, "книга распаковывается больше чем в " + size(maxUnpackedBytes) + " (" + detail
                + "): файл отклонён как возможная «zip-бомба». Если это настоящая выгрузка, разделите её на части "
                + "или увеличьте предел настройкой msoko.import.xlsx-max-unpacked");
    }

    private static InputException refused(String fileName, String message) {
        return new InputException(Problem.ofFile(fileName, message));
    }

    /** «1 ГБ», «1,5 МБ», «300 КБ», «12 байт». */
    static String size(long bytes) {
        String[] units = {"ГБ", "МБ", "КБ"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (3 - i));
            if (bytes >= unit) {
                BigDecimal v = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(unit), 1, RoundingMode.HALF_UP);
                return v.stripTrailingZeros().toPlainString().replace('.', ',') + " " + units[i];
            }
        }
        return bytes + " байт";
    }
}

package ru.msoko.app.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import ru.msoko.app.support.XlsxFiles;

/**
 * A real «zip bomb» built from a valid workbook: one part replaced by {@code megabytes} MB of spaces. Deflating a
 * gigabyte would take seconds, so one megabyte is deflated once with a full flush (which resets the compressor and
 * byte-aligns the output) and the resulting blocks are repeated: every copy decodes on its own. The archive is
 * written by hand with honest sizes and CRC, so {@link java.util.zip.ZipFile} inflates it to the declared size.
 */
final class ZipBomb {

    private static final int MB = 1 << 20;

    private ZipBomb() {
    }

    static Path write(Path book, String part, int megabytes, Path target) {
        byte[] spaces = new byte[MB];
        Arrays.fill(spaces, (byte) ' ');
        byte[] block = deflate(spaces, Deflater.FULL_FLUSH);
        byte[] last = deflate(new byte[0], Deflater.NO_FLUSH);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        for (int i = 0; i < megabytes; i++) {
            bomb.write(block, 0, block.length);
            crc.update(spaces);
        }
        bomb.write(last, 0, last.length);
        Map<String, byte[]> parts = XlsxFiles.parts(book);
        if (!parts.containsKey(part)) {
            throw new IllegalArgumentException("no part " + part);
        }
        Archive zip = new Archive();
        parts.forEach((name, content) -> {
            if (name.equals(part)) {
                zip.add(name, bomb.toByteArray(), crc.getValue(), (long) megabytes * MB);
            } else {
                CRC32 c = new CRC32();
                c.update(content);
                zip.add(name, deflate(content, Deflater.NO_FLUSH), c.getValue(), content.length);
            }
        });
        try {
            return Files.write(target, zip.finish());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raw deflate; with {@code NO_FLUSH} the stream is finished (a final block), with {@code FULL_FLUSH} it is not. */
    private static byte[] deflate(byte[] input, int flush) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(input);
        if (flush == Deflater.NO_FLUSH) {
            d.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (true) {
            int n = d.deflate(buf, 0, buf.length, flush);
            out.write(buf, 0, n);
            if (flush == Deflater.NO_FLUSH ? d.finished() : n < buf.length && d.needsInput()) {
                break;
            }
        }
        d.end();
        return out.toByteArray();
    }

    /** A zip written record by record (APPNOTE 4.3): local headers with data, the central directory, its end. */
    private static final class Archive {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final ByteArrayOutputStream central = new ByteArrayOutputStream();
        private int entries;

        void add(String name, byte[] deflated, long crc, long size) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            int offset = body.size();
            ByteBuffer local = header(30 + n.length, 0x04034b50).putShort((short) 20);
            common(local, crc, deflated.length, size, n.length).putShort((short) 0).put(n);
            body.writeBytes(local.array());
            body.writeBytes(deflated);
            ByteBuffer dir = header(46 + n.length, 0x02014b50).putShort((short) 20).putShort((short) 20);
            common(dir, crc, deflated.length, size, n.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).put(n);
            central.writeBytes(dir.array());
            entries++;
        }

        /** Flags (UTF-8 names), method (deflate), time, date, CRC, sizes, name length. */
        private static ByteBuffer common(ByteBuffer b, long crc, int packed, long size, int nameLength) {
            return b.putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) crc).putInt(packed).putInt((int) size).putShort((short) nameLength);
        }

        private static ByteBuffer header(int length, int signature) {
            return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN).putInt(signature);
        }

        byte[] finish() {
            int at = body.size();
            ByteBuffer end = header(22, 0x06054b50).putShort((short) 0).putShort((short) 0)
                    .putShort((short) entries).putShort((short) entries).putInt(central.size()).putInt(at)
                    .putShort((short) 0);
            body.writeBytes(central.toByteArray());
            body.writeBytes(end.array());
            return body.toByteArray();
        }
    }
}

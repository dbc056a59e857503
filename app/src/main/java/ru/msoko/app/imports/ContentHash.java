package ru.msoko.app.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import ru.msoko.core.progress.Progress;

/** SHA-256 of a file's bytes: the same content is recognised whatever the file is called. */
final class ContentHash {

    private ContentHash() {
    }

    /** Of a folder: every file's path relative to it and its bytes, in path order (the folder's name is left out). */
    static String ofFolder(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(folder.relativize(f).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(HexFormat.of().parseHex(of(f)));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ofText(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(Path file) throws IOException {
        return of(file, Progress.NONE);
    }

    /** Reports the bytes read so far to {@code progress} (the first pass over an upload: «чтение файла»). */
    static String of(Path file, Progress progress) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            long read = 0;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
                read += n;
                progress.done(read);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package ru.msoko.app.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.web.multipart.MultipartFile;
import ru.msoko.core.progress.Progress;

/**
 * An upload copied, before the request ends, to a temp file whose name the server chooses (the container deletes
 * its multipart file when the request is over, and a background job outlives it). While copying, the lines are
 * counted: for a text file they give the rows phase of the job a total (the readers report line numbers).
 *
 * @param name the user's file name made safe ({@link ImportController#safeName})
 * @param lines lines of a text file; 0 for a workbook (a zip: its rows are not known until it is read)
 */
record UploadedFile(Path path, String name, long size, long lines) {

    private static final int ZIP_FIRST = 'P';
    private static final int ZIP_SECOND = 'K';

    static UploadedFile receive(MultipartFile f, String name, String prefix) throws IOException {
        Path tmp = Files.createTempFile(prefix, ".upload");
        try (InputStream in = f.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[1 << 16];
            long size = 0;
            long newlines = 0;
            int first = -1;
            int second = -1;
            int last = '\n';
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        newlines++;
                    }
                }
                if (size == 0) {
                    first = buf[0];
                    second = n > 1 ? buf[1] : -1;
                }
                last = buf[n - 1];
                size += n;
            }
            boolean zip = first == ZIP_FIRST && second == ZIP_SECOND;
            return new UploadedFile(tmp, name, size, zip ? 0 : newlines + (last == '\n' ? 0 : 1));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }

    /**
     * The progress an import of this file reports to: the rows phase, whose size the import does not know, gets the
     * line count of a text file as its total (the line of the header makes it at most one more than the rows).
     */
    Progress estimating(Progress progress) {
        if (lines == 0) {
            return progress;
        }
        return new Progress() {
            @Override
            public void phase(String phase, long total) {
                progress.phase(phase, ImportService.ROWS.equals(phase) && total == UNKNOWN ? lines : total);
            }

            @Override
            public void done(long units) {
                progress.done(units);
            }

            @Override
            public void step(String phase, long done, long total) {
                progress.step(phase, done, total);
            }
        };
    }
}

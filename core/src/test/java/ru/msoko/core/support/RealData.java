package ru.msoko.core.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The public test data beside the repository ({@code ../shared/data/public}, never copied into it). Tests on
 * real files skip when it is absent on a developer's machine and fail on CI ({@code CI=true}), where it must be.
 */
public final class RealData {

    private RealData() {
    }

    /** A file or folder under {@code ../shared/data/public}; skips or fails when it is not there. */
    public static Path require(String relative) {
        Path path = repositoryRoot().getParent().resolve("shared/data/public").resolve(relative);
        if (!Files.exists(path)) {
            String message = "нет общих тестовых данных: " + path;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }

    /**
     * Every workbook of the shared data, sorted; at least 60 of them (63 when the protocol recognition test was
     * written: {@code find … -name '*.xlsx' | wc -l}).
     */
    public static List<Path> allWorkbooks() throws IOException {
        try (Stream<Path> files = Files.walk(require(""))) {
            List<Path> books = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
            if (books.size() < 60) {
                fail("в общих тестовых данных меньше 60 книг xlsx: " + books.size());
            }
            return books;
        }
    }

    /** The folder with the root pom: the module's parent when tests run in a module. */
    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir.getParent() != null && !(Files.exists(dir.resolve("pom.xml")) && Files.exists(dir.resolve("core")))) {
            dir = dir.getParent();
        }
        return dir;
    }
}

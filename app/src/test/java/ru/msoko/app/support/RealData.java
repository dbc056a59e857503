package ru.msoko.app.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
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
        Path path = path(relative);
        if (!Files.exists(path)) {
            String message = "нет общих тестовых данных: " + path;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return path;
    }

    /** Where a file of the shared data is, whether it is there or not (for settings resolved before a test runs). */
    public static Path path(String relative) {
        return repositoryRoot().getParent().resolve("shared/data/public").resolve(relative);
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

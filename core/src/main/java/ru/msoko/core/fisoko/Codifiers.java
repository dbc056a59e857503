package ru.msoko.core.fisoko;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.TaskLayout;

/**
 * Codifiers of ВПР works as the regional analysts keep them: {@code <folder>/[<year>/]<grade>/<subject>/ALL.xlsx}
 * with the columns «№ КИМ» (or «№ по КИМу»: the task label), «№» (the position in the export) and
 * «Максимальный балл за выполнение задания»; one row per task × content element, so positions repeat.
 */
public final class Codifiers {

    private final Path root;
    private final Directory directory;
    private final Map<Procedure.Key, Optional<TaskLayout>> cache = new ConcurrentHashMap<>();

    private Codifiers(Path root, Directory directory) {
        this.root = root;
        this.directory = directory;
    }

    /** @param directory resolves the subject folder names («Русский язык») to subject codes */
    public static Codifiers folder(Path root, Directory directory) {
        return new Codifiers(root, directory);
    }

    /** The layout by position of a work: the year's folder first, then the folder without a year. */
    public Optional<TaskLayout> layout(Procedure.Key work) {
        return cache.computeIfAbsent(work, k -> find(root.resolve(String.valueOf(k.year())).resolve(String.valueOf(k.grade())), k)
                .or(() -> find(root.resolve(String.valueOf(k.grade())), k))
                .map(Codifiers::read));
    }

    private Optional<Path> find(Path gradeFolder, Procedure.Key work) {
        if (!Files.isDirectory(gradeFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> subjects = Files.list(gradeFolder)) {
            return subjects.filter(Files::isDirectory)
                    .filter(d -> directory.subjectCode(d.getFileName().toString())
                            .filter(work.subjectCode()::equals).isPresent())
                    .map(d -> d.resolve("ALL.xlsx")).filter(Files::isRegularFile).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one ALL.xlsx as a task layout by position. */
    public static TaskLayout read(Path allXlsx) {
        return CodifierFiles.work(allXlsx, null, 0, "").layout();
    }
}

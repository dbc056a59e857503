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

    /** Reads one ALL.xlsx; the Latin «K» of criteria labels («1K1») becomes the Cyrillic «К» of ФИС ОКО headers. */
    public static TaskLayout read(Path allXlsx) {
        String name = allXlsx.toString();
        try (Workbook book = Workbook.open(allXlsx, name); Workbook.Rows rows = book.first()) {
            Workbook.Line head = rows.next();
            List<String> names = head == null ? List.of() : Columns.normAll(head.cells());
            int label = Columns.indexWhere(names, n -> n.startsWith("№") && n.contains("ким"));
            int position = names.indexOf("№");
            int max = Columns.startingWith(names, "максимальный балл");
            if (label < 0 || position < 0 || max < 0) {
                throw new InputException(new Problem(name, rows.name(), 1, null,
                        "кодификатор: нет столбцов «№ КИМ», «№» и «Максимальный балл за выполнение задания»"));
            }
            List<TaskLayout.Task> tasks = new ArrayList<>();
            Workbook.Line line;
            while ((line = rows.next()) != null) {
                int p = Integer.parseInt(line.cell(position));
                if (p == tasks.size() + 1) {
                    tasks.add(new TaskLayout.Task(Dirty.cyrillic(line.cell(label)).replace(" ", ""),
                            Integer.parseInt(line.cell(max))));
                } else if (p < 1 || p > tasks.size()) {
                    throw new InputException(new Problem(name, rows.name(), line.number(), "№",
                            "кодификатор: позиция " + p + " идёт не по порядку"));
                }
            }
            return new TaskLayout(tasks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            throw new InputException(Problem.ofFile(name, "кодификатор: не число в столбце «№» или «Максимальный балл»: "
                    + e.getMessage()));
        }
    }
}

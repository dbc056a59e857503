package ru.msoko.core.fisoko;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;

/**
 * Reads work descriptions from a folder laid out as regional analysts keep them:
 * {@code <root>/[<year>/]<grade>/<subject>/ALL.xlsx} with {@code KS.xlsx} and {@code KT.xlsx} beside it.
 */
public final class CodifierFiles {

    private static final Pattern YEAR = Pattern.compile("20\\d\\d");
    private static final Pattern GRADE = Pattern.compile("\\d{1,2}");

    private CodifierFiles() {
    }

    /**
     * Every work description under {@code root}.
     *
     * @param defaultYear the year of descriptions whose folders do not name one; {@code null} leaves it unknown
     * @throws InputException naming the file, sheet, row and column of the first thing that cannot be read
     */
    public static List<WorkCodifier> scan(Path root, Integer defaultYear) throws IOException {
        List<WorkCodifier> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 4)) {
            for (Path all : files.filter(f -> f.getFileName().toString().equalsIgnoreCase("ALL.xlsx")).sorted().toList()) {
                Path subject = all.getParent();
                Path grade = subject.getParent();
                if (grade == null || !GRADE.matcher(grade.getFileName().toString()).matches()) {
                    throw new InputException(Problem.ofFile(root.relativize(all).toString(),
                            "кодификатор должен лежать в папке <класс>/<предмет>/ALL.xlsx"));
                }
                Path yearFolder = grade.getParent();
                Integer year = yearFolder != null && YEAR.matcher(yearFolder.getFileName().toString()).matches()
                        ? Integer.valueOf(yearFolder.getFileName().toString()) : defaultYear;
                out.add(work(all, year, Integer.parseInt(grade.getFileName().toString()),
                        subject.getFileName().toString(), root.relativize(all).toString()));
            }
        }
        return out;
    }

    static WorkCodifier work(Path all, Integer year, int grade, String subject) {
        return work(all, year, grade, subject, all.toString());
    }

    private static WorkCodifier work(Path all, Integer year, int grade, String subject, String shownName) {
        Path folder = all.getParent();
        return new WorkCodifier(year, grade, subject, shownName, tasks(all, shownName),
                codes(folder.resolve("KS.xlsx"), shownName.replace("ALL.xlsx", "KS.xlsx")),
                codes(folder.resolve("KT.xlsx"), shownName.replace("ALL.xlsx", "KT.xlsx")));
    }

    /** One row per task × КЭС × КТ: a position's rows are merged, its codes kept once each in order. */
    private static List<WorkCodifier.Task> tasks(Path all, String name) {
        try (Workbook book = Workbook.open(all, name); Workbook.Rows rows = book.first()) {
            Workbook.Line head = rows.next();
            List<String> names = head == null ? List.of() : Columns.normAll(head.cells());
            int label = Columns.indexWhere(names, n -> n.startsWith("№") && n.contains("ким"));
            int position = names.indexOf("№");
            int max = Columns.startingWith(names, "максимальный балл");
            if (label < 0 || position < 0 || max < 0) {
                throw new InputException(new Problem(name, rows.name(), 1, null,
                        "кодификатор: нет столбцов «№ КИМ», «№» и «Максимальный балл за выполнение задания»"));
            }
            AllColumns c = new AllColumns(label, position, max, Columns.startingWith(names, "уровень сложности"),
                    Columns.startingWith(names, "код кэс"), Columns.startingWith(names, "код кт"),
                    Columns.startingWith(names, "умения"));
            List<Builder> tasks = new ArrayList<>();
            for (Workbook.Line line = rows.next(); line != null; line = rows.next()) {
                int p = number(line, c.position(), name, rows.name(), "№");
                if (p == tasks.size() + 1) {
                    tasks.add(new Builder(p, Dirty.cyrillic(line.cell(c.label())).replace(" ", ""),
                            number(line, c.max(), name, rows.name(), "Максимальный балл за выполнение задания"),
                            line.cell(c.level()).trim().toUpperCase(java.util.Locale.ROOT)));
                } else if (p < 1 || p > tasks.size()) {
                    throw new InputException(new Problem(name, rows.name(), line.number(), "№",
                            "кодификатор: позиция " + p + " идёт не по порядку"));
                }
                tasks.get(p - 1).add(line.cell(c.content()), line.cell(c.requirement()), line.cell(c.skills()));
            }
            return tasks.stream().map(Builder::build).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(Workbook.Line line, int column, String file, String sheet, String header) {
        String v = line.cell(column).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InputException(new Problem(file, sheet, line.number(), header,
                    "кодификатор: «" + v + "» — не целое число"));
        }
    }

    /** KS.xlsx or KT.xlsx: «Код» and the text; empty when the file is not there. */
    private static Map<String, String> codes(Path file, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (Workbook book = Workbook.open(file, name); Workbook.Rows rows = book.first()) {
            Workbook.Line head = rows.next();
            List<String> names = head == null ? List.of() : Columns.normAll(head.cells());
            int code = Columns.startingWith(names, "код");
            if (code < 0 || names.size() < 2) {
                throw new InputException(new Problem(name, rows.name(), 1, null,
                        "нет столбца «Код» и столбца с текстом элемента или требования"));
            }
            int text = code == 0 ? 1 : 0;
            for (Workbook.Line line = rows.next(); line != null; line = rows.next()) {
                String c = line.cell(code).trim();
                if (!c.isEmpty()) {
                    out.putIfAbsent(c, line.cell(text).trim());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record AllColumns(int label, int position, int max, int level, int content, int requirement, int skills) {
    }

    private static final class Builder {
        private final int position;
        private final String label;
        private final int max;
        private final String level;
        private final Set<String> content = new LinkedHashSet<>();
        private final Set<String> requirements = new LinkedHashSet<>();
        private final Set<String> skills = new LinkedHashSet<>();

        Builder(int position, String label, int max, String level) {
            this.position = position;
            this.label = label;
            this.max = max;
            this.level = level;
        }

        void add(String kes, String kt, String skill) {
            addAll(content, kes);
            addAll(requirements, kt);
            if (!skill.isBlank()) {
                skills.add(skill.trim());
            }
        }

        /** A cell may list several codes: «1.1; 1.2» or «1.1, 1.2». */
        private static void addAll(Set<String> set, String cell) {
            for (String code : cell.split("[;,]")) {
                if (!code.isBlank()) {
                    set.add(code.trim());
                }
            }
        }

        WorkCodifier.Task build() {
            return new WorkCodifier.Task(position, label, max, level, List.copyOf(content), List.copyOf(requirements),
                    String.join(" / ", skills));
        }
    }
}

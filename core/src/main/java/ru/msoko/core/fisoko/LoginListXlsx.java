package ru.msoko.core.fisoko;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.IdentifierKind;

/**
 * The ФИС ОКО list of school logins (the real {@code logins.xlsx} of the Altai data: «логин», «имя» — the
 * short name, «регион» — in fact the municipality, «г. Алейск»). It is a school directory in its own right:
 * a region that has only this list can match every ФИС ОКО file by login.
 */
public final class LoginListXlsx {

    /** One school of the list. */
    public record Entry(long row, String login, String name, String municipality) {
    }

    /** What was read; the entries are valid only when there are no problems. */
    public record Summary(String sheet, List<Entry> entries, List<Problem> problems) {
    }

    private record Header(int login, int name, int municipality) {
    }

    private LoginListXlsx() {
    }

    /** Whether a sheet of the workbook starts with «логин», a name column and a municipality column. */
    public static boolean recognises(Path path) {
        return Workbook.hasHeadedSheet(path, LoginListXlsx::header);
    }

    public static Summary read(Path path, String fileName) throws IOException {
        try (Workbook book = Workbook.open(path, fileName)) {
            return book.withHeadedSheet(LoginListXlsx::header, (rows, h) -> entries(rows, h, fileName))
                    .orElseThrow(() -> new InputException(Problem.ofFile(fileName,
                            "нет листа с заголовком «логин», «имя» (или «наименование»), «регион» (или «муниципалитет»)")));
        }
    }

    private static Summary entries(Workbook.Rows rows, Header h, String fileName) {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Workbook.Line line = rows.next(); line != null; line = rows.next()) {
            String login = line.cell(h.login()).trim();
            String name = line.cell(h.name()).trim();
            String municipality = line.cell(h.municipality()).trim();
            if (IdentifierKind.guess(login) != IdentifierKind.FIS_OKO_LOGIN) {
                problems.add(new Problem(fileName, rows.name(), line.number(), "логин", "«" + login
                        + "» — не логин ОО в ФИС ОКО: ожидается sch, edu или ksh и цифры (sch220001)"));
                continue;
            }
            String key = login.toLowerCase(Locale.ROOT);
            Long earlier = seen.putIfAbsent(key, line.number());
            if (earlier != null) {
                problems.add(new Problem(fileName, rows.name(), line.number(), "логин", "логин «" + login
                        + "» уже есть в строке " + earlier));
                continue;
            }
            if (name.isEmpty() || municipality.isEmpty()) {
                problems.add(new Problem(fileName, rows.name(), line.number(), name.isEmpty() ? "имя" : "регион",
                        "не заполнено: у школы из списка логинов должны быть название и муниципалитет"));
                continue;
            }
            entries.add(new Entry(line.number(), key, name, municipality));
        }
        return new Summary(rows.name(), entries, problems);
    }

    private static Header header(String[] cells) {
        List<String> h = Columns.normAll(cells);
        int login = h.indexOf("логин");
        int name = Math.max(h.indexOf("имя"), h.indexOf("наименование"));
        int municipality = Math.max(h.indexOf("регион"), h.indexOf("муниципалитет"));
        return login < 0 || name < 0 || municipality < 0 ? null : new Header(login, name, municipality);
    }
}

package ru.msoko.core.fisoko;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import ru.msoko.core.canonical.InputException;

/** The ФИС ОКО ВПР layouts this package reads (data-formats §1.1–§1.3), recognised by sheet names and headers. */
public enum FisOkoFormat {
    /** «Форма сбора результатов»: sheets «Классы» and «Протокол», with or without the 6 service columns (2022). */
    FORM("ФИС ОКО: форма сбора результатов ВПР (Классы, Протокол)", "Протокол"),
    /** The regional export «Проведение работы по …» with scores by position «балл за K» (2021). */
    EXPORT_2021("ФИС ОКО: выгрузка «Проведение работы» (ВПР 2021)", null),
    /** The raw regional export with {@code a-K-grade} score columns (autumn 2020). */
    EXPORT_2020("ФИС ОКО: выгрузка ВПР 2020 (a-N-grade)", null);

    private final String title;
    private final String resultsSheet;

    FisOkoFormat(String title, String resultsSheet) {
        this.title = title;
        this.resultsSheet = resultsSheet;
    }

    /** Russian name shown in the import log (at most 64 characters). */
    public String title() {
        return title;
    }

    /** The sheet with one row per participant; {@code null} = the first sheet. */
    String resultsSheet() {
        return resultsSheet;
    }

    /** Recognises an xlsx file by its sheets and header; empty when the file is not a ФИС ОКО ВПР file. */
    public static Optional<FisOkoFormat> detect(Path path) {
        try (Workbook book = Workbook.open(path, path.getFileName().toString())) {
            return detect(book);
        } catch (InputException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    static Optional<FisOkoFormat> detect(Workbook book) {
        if (book.sheetNames().stream().anyMatch(n -> Columns.norm(n).equals("протокол"))) {
            return Optional.of(FORM);
        }
        List<String> header;
        try (Workbook.Rows rows = book.first()) {
            Workbook.Line first = rows.next();
            header = first == null ? List.of() : Columns.normAll(first.cells());
        }
        if (header.contains("логин школы") && header.stream().anyMatch(h -> Columns.position(h, EXPORT_2021) > 0)) {
            return Optional.of(EXPORT_2021);
        }
        if (header.contains("user") && header.contains("code")
                && header.stream().anyMatch(h -> Columns.position(h, EXPORT_2020) > 0)) {
            return Optional.of(EXPORT_2020);
        }
        return Optional.empty();
    }
}

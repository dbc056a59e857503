package ru.msoko.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.msoko.app.retention.Retention;
import ru.msoko.core.text.RussianPlural;

/** {@code msoko retention --years N [--apply]}: what the retention period archives, and archiving it. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Срок хранения обезличенных данных участников: показать (по умолчанию) или выполнить (--apply) "
                + "замену записей участников за годы старше N лет итогами по школам. Итоги, результаты анализа и журнал "
                + "загрузок остаются.")
class RetentionCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Option(names = "--years", required = true, paramLabel = "N",
            description = "Сколько последних лет хранить записи участников (не меньше 1).")
    int years;

    @Option(names = "--apply", description = "Выполнить; без этого флага команда только показывает, что будет сделано.")
    boolean apply;

    @Mixin
    DatabaseOptions db;

    @Override
    public Integer call() {
        if (years < 1) {
            System.err.println("--years: срок хранения должен быть не меньше 1 года, указано " + years);
            return 2;
        }
        try (ConfigurableApplicationContext ctx = SpringRunner.start(false, db, List.of())) {
            Retention retention = ctx.getBean(Retention.class);
            Retention.Plan plan = apply ? retention.apply(years, "cli:" + System.getProperty("user.name", "unknown")) : retention.plan(years);
            print(plan);
            if (!apply && !plan.isEmpty()) {
                System.out.println("Ничего не изменено. Чтобы выполнить, добавьте --apply (сделайте перед этим msoko backup).");
            }
            return 0;
        }
    }

    private void print(Retention.Plan plan) {
        String verb = apply ? "Заменены итогами" : "Будут заменены итогами";
        if (plan.isEmpty()) {
            System.out.println("Записей участников за " + plan.lastArchivedYear() + " год и ранее нет — делать нечего.");
            return;
        }
        System.out.println(verb + " записи участников за " + plan.lastArchivedYear() + " год и ранее:");
        for (Retention.YearToArchive y : plan.years()) {
            System.out.println("  " + y.year() + ": " + count(y.rows(), "запись", "записи", "записей") + ", "
                    + count(y.schools(), "школа", "школы", "школ") + ", "
                    + count(y.imports(), "загрузка", "загрузки", "загрузок"));
        }
        System.out.println((apply ? "Удалены" : "Будут удалены") + " перечни ошибок отклонённых файлов: "
                + count(plan.rejectionProblems(), "строка", "строки", "строк") + ".");
    }

    private static String count(long n, String one, String few, String many) {
        return n + "\u00A0" + RussianPlural.of(n, one, few, many);
    }
}

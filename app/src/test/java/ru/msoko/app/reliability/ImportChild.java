package ru.msoko.app.reliability;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.MsokoApplication;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportService;

/**
 * The process that {@link KillDuringImportContract} kills: starts the application context (no web) on the given
 * database and imports the given files in order, one transaction each, through the ordinary {@link ImportService}.
 * It tells the parent on stdout where it is, so that the parent can kill it at a chosen point:
 * {@value #CONTEXT_UP} once the application started (migrations done), {@value #STARTED_WRITING} before the last
 * file, {@code FLUSHED <rows>} after each batch of result blocks written inside the open transaction,
 * {@value #COMMITTING} just before a transaction's commit, {@code IMPORTED <file>} after each file's commit and
 * {@value #DONE} at the end. The progress hooks are test-only wrappers of two beans; production code is untouched.
 *
 * <p>Arguments: JDBC URL, user, password, data folder, files…
 */
public final class ImportChild {

    static final String CONTEXT_UP = "CONTEXT-UP";
    static final String STARTED_WRITING = "STARTED-WRITING";
    static final String FLUSHED = "FLUSHED ";
    static final String COMMITTING = "COMMITTING";
    static final String IMPORTED = "IMPORTED ";
    static final String NOT_IMPORTED = "NOT-IMPORTED ";
    static final String DONE = "DONE";

    private ImportChild() {
    }

    public static void main(String[] args) {
        List<String> files = Arrays.asList(args).subList(4, args.length);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MsokoApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new Progress()))
                .run("--msoko.data=" + args[3], "--spring.datasource.url=" + args[0],
                        "--spring.datasource.username=" + args[1], "--spring.datasource.password=" + args[2],
                        "--logging.level.root=warn")) {
            say(CONTEXT_UP);
            ImportService service = ctx.getBean(ImportService.class);
            for (int i = 0; i < files.size(); i++) {
                Path file = Path.of(files.get(i));
                if (i == files.size() - 1) {
                    say(STARTED_WRITING);
                }
                ImportOutcome outcome = service.importFile(file, file.getFileName().toString(), "crash-test",
                        ImportOptions.STRICT);
                say((outcome instanceof ImportOutcome.Imported ? IMPORTED : NOT_IMPORTED)
                        + file.getFileName() + " " + outcome.summary().replace('\n', ' '));
            }
        }
        say(DONE);
        System.exit(0);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Swaps the JDBC template for one that reports progress, and wraps the transaction manager to report commits. */
    private static final class Progress implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (bean instanceof PlatformTransactionManager tm) {
                return new ReportingTransactions(tm);
            }
            if (bean instanceof JdbcTemplate t && bean.getClass() == JdbcTemplate.class) {
                return new ReportingTemplate(t.getDataSource());
            }
            return bean;
        }
    }

    /** Prints the results written so far in the open transaction after each batch of blocks (their row counts). */
    private static final class ReportingTemplate extends JdbcTemplate {
        private long written;

        ReportingTemplate(DataSource ds) {
            super(ds);
        }

        @Override
        public int[] batchUpdate(String sql, List<? extends Object[]> batchArgs) {
            int[] counts = super.batchUpdate(sql, batchArgs);
            if (sql.startsWith("insert into result_block ")) {
                for (Object[] args : batchArgs) {
                    written += ((Number) args[3]).longValue(); // row_count
                }
                say(FLUSHED + written);
            }
            return counts;
        }
    }

    /** Prints {@value #COMMITTING} before each commit of the application's own transaction manager. */
    private record ReportingTransactions(PlatformTransactionManager tm) implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return tm.getTransaction(definition);
        }

        @Override
        public void commit(TransactionStatus status) {
            say(COMMITTING);
            tm.commit(status);
        }

        @Override
        public void rollback(TransactionStatus status) {
            tm.rollback(status);
        }
    }
}

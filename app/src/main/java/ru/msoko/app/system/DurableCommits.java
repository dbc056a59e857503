package ru.msoko.app.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Every transaction is durable when its commit returns, on H2 too. H2 (MVStore) keeps a commit in memory for up to
 * its write delay (autoCommitDelay, 1 s by default) before writing it to the file: a process killed in that second
 * comes back without a transaction it had reported as committed — never half of one, but an import the user was
 * told was stored would be gone (measured: a small committed transaction killed right after its commit was lost 10
 * times of 10; {@code KillDuringImportH2Test}). So on H2 a {@code CHECKPOINT} follows every commit that wrote
 * (about 2 ms). {@code WRITE_DELAY=0} in the URL would do the same for every statement, but it stops the background
 * writer and made the 120-school import benchmark clearly dearer (process CPU 50–55 s against 30–41 s; see
 * docs/architecture.md «Crash safety»). PostgreSQL's commit
 * is durable already (WAL).
 */
@Configuration
class DurableCommits {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, DatabaseKind kind) {
        return kind.isPostgres() ? new JdbcTransactionManager(dataSource) : new CheckpointAfterCommit(dataSource);
    }

    /** Writes a committed H2 transaction to the database file before the commit returns. */
    static final class CheckpointAfterCommit extends JdbcTransactionManager {

        private static final Logger LOG = LoggerFactory.getLogger(CheckpointAfterCommit.class);

        CheckpointAfterCommit(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            super.doCommit(status);
            if (status.isReadOnly()) {
                return;
            }
            ConnectionHolder holder = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder();
            Connection c = holder.getConnection();
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT");
            } catch (SQLException e) {
                // the transaction is committed: it is only not yet on disk (e.g. a user without admin rights)
                LOG.warn("H2 CHECKPOINT after commit failed; the commit reaches the file within the write delay: {}",
                        e.getMessage());
            }
        }
    }
}

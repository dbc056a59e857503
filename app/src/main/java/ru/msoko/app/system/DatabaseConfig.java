package ru.msoko.app.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariDataSource;

/** Driver settings that the JDBC URL alone does not carry. */
@Configuration
class DatabaseConfig {

    /**
     * H2 keeps the last {@code QUERY_CACHE_SIZE} statements of each connection parsed and planned (default 8), and a
     * cached statement run again with the same parameters on unchanged data returns its previous result without
     * reading a row. The pages run a few dozen distinct statements, so with 8 each connection kept re-planning and
     * re-reading: the dashboard's queries took 150–1 200 ms a time on the demo region against 0.1–60 ms with 256
     * (docs/benchmarks.md, «Page speed»). An H2 URL that sets its own size keeps it.
     */
    static final int H2_QUERY_CACHE_SIZE = 256;

    static String h2QueryCache(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(java.util.Locale.ROOT).contains("QUERY_CACHE_SIZE=")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
    }

    /** PostgreSQL turns a JDBC batch into multi-row inserts only when asked (about 3× faster imports). */
    @Bean
    static BeanPostProcessor postgresBatchRewrite() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null
                        && ds.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    ds.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                if (bean instanceof HikariDataSource ds && ds.getJdbcUrl() != null) {
                    ds.setJdbcUrl(h2QueryCache(ds.getJdbcUrl()));
                }
                return bean;
            }
        };
    }
}

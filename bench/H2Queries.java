/*
 * Times SQL statements on an H2 data folder the way the pages run them (issue #7, docs/benchmarks.md «Page speed»):
 * one connection, a fresh PreparedStatement per execution (as JdbcClient does), every statement in turn, six rounds,
 * the first one not counted; prints the mean time per statement. The statements file holds blocks «name\nSQL» separated
 * by a line with «;»; named parameters take the region's scope and 2025/2024. Usage (no build needed):
 *   java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar bench/H2Queries.java DATA bench/h2-queries.sql [";QUERY_CACHE_SIZE=256"]
 * where DATA is a data folder holding msoko.mv.db (e.g. the one bench/soak.sh prints). Stop the app first or rely on
 * AUTO_SERVER.
 */
import java.sql.*;
import java.util.*;
import java.nio.file.*;

public class H2Queries {
    public static void main(String[] a) throws Exception {
        String url = "jdbc:h2:file:" + a[0] + "/msoko;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE" + (a.length > 2 ? a[2] : "");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement st = c.createStatement()) {
                for (String q : List.of("select count(*) from result_summary", "select count(*) from analysis_sign", "select count(*) from analysis_run", "select count(*) from analysis_risk", "select count(*) from school", "select count(*) from assessment", "select count(*) from import_batch")) {
                    ResultSet rs = st.executeQuery(q); rs.next(); System.out.println(q + " = " + rs.getLong(1));

                }
            }
            String all = new String(Files.readAllBytes(Path.of(a[1])));
            List<String> names = new ArrayList<>(); List<String> sqls = new ArrayList<>(); List<List<Object>> params = new ArrayList<>();
            for (String block : all.split("\n;\n")) {
                if (block.isBlank()) continue;
                String[] lines = block.strip().split("\n", 2);
                String name = lines[0];
                String sql = lines[1];
                // params :name → ? with values from a map
                Map<String, Object> p = Map.of("scopeAll", true, "scopeMunicipality", -1L, "scopeSchool", -1L, "municipality", 0L, "year", 2025, "previous", 2024, "run", 1L, "school", 5L, "id", 1L);
                List<Object> vals = new ArrayList<>();
                StringBuilder sb = new StringBuilder();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(":([a-zA-Z]+)").matcher(sql);
                while (m.find()) { vals.add(p.get(m.group(1))); m.appendReplacement(sb, "?"); }
                m.appendTail(sb);
                names.add(name); sqls.add(sb.toString()); params.add(vals);
            }
            long[] total = new long[names.size()];
            for (int round = 0; round < 6; round++) {
                for (int q = 0; q < names.size(); q++) {
                    // as JdbcClient does: a new PreparedStatement per execution (H2 caches the parsed command per session)
                    try (PreparedStatement ps = c.prepareStatement(sqls.get(q))) {
                        for (int j = 0; j < params.get(q).size(); j++) ps.setObject(j + 1, params.get(q).get(j));
                        long t = System.nanoTime();
                        try (ResultSet rs = ps.executeQuery()) { while (rs.next()) { } }
                        if (round > 0) total[q] += System.nanoTime() - t;
                    }
                }
            }
            for (int q = 0; q < names.size(); q++) System.out.printf("%-20s mean of 5 rounds %8.2f ms%n", names.get(q), total[q] / 5e6);
        }
    }
}

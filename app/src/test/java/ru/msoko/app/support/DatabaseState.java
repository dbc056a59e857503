package ru.msoko.app.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of everything stored: row count and SHA-256 over every row of every table, in id
 * order. Two equal fingerprints mean the database did not change.
 */
public final class DatabaseState {

    private static final List<String> TABLES = List.of("municipality", "school", "school_identifier", "subject",
            "subject_alias", "assessment", "import_batch", "result_block", "app_user", "mark_scale", "mark_scale_band",
            "mark_scale_correction", "exam_school_summary", "journal_mark_distribution", "gia_scale", "gia_scale_band",
            "gia_scale_point", "gia_scale_rule", "school_context", "school_context_answer", "textbook", "official_marker",
            "work_codifier", "work_codifier_task", "work_codifier_code", "result_summary");
    private static final Map<String, String> ORDER = Map.of("subject_alias", "alias_key", "mark_scale_band",
            "scale_id, mark", "gia_scale_band", "scale_id, mark", "gia_scale_point", "scale_id, primary_score",
            "gia_scale_rule", "scale_id, rule_no", "school_context_answer", "context_id, position_no",
            "work_codifier_task", "codifier_id, position_no", "work_codifier_code", "codifier_id, kind, code",
            "result_summary", "assessment_id, school_id, import_id");

    private DatabaseState() {
    }

    public static Map<String, String> fingerprint(JdbcClient jdbc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            String order = ORDER.getOrDefault(table, "id");
            MessageDigest md = sha256();
            List<Map<String, Object>> rows = jdbc.sql("select * from " + table + " order by " + order).query().listOfRows();
            for (Map<String, Object> row : rows) {
                // bytes (the result blocks) by their content, not by the array's identity
                row.replaceAll((column, v) -> v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
                md.update(row.toString().getBytes(StandardCharsets.UTF_8));
            }
            out.put(table, rows.size() + ":" + HexFormat.of().formatHex(md.digest()));
        }
        return out;
    }

    /**
     * Deletes every row the tests create. The audit log refuses DELETE (V22's triggers); TRUNCATE, which row
     * triggers do not see, empties it (on H2 it commits, which a test's cleanup does not mind).
     */
    public static void clear(JdbcClient jdbc) {
        jdbc.sql("truncate table audit_event").update();
        for (String table : List.of("background_job", "analysis_sign", "analysis_risk", "analysis_run", "official_marker",
                "school_context_answer", "school_context", "result_block", "result_summary", "exam_school_summary",
                "journal_mark_distribution", "gia_scale_band", "gia_scale_point", "gia_scale_rule", "gia_scale",
                "mark_scale_band", "work_codifier_task", "work_codifier_code", "work_codifier", "mark_scale",
                "mark_scale_correction", "textbook", "import_rejection_problem", "import_rejection", "import_batch",
                "assessment", "api_token", "app_user", "school_identifier",
                "school", "municipality")) {
            jdbc.sql("delete from " + table).update();
        }
        jdbc.sql("delete from subject_alias where subject_id in (select id from subject where code like 'X%')").update();
        jdbc.sql("delete from subject where code like 'X%'").update();
    }

    /**
     * Table checksums without the audit log's: a backup and a restore record themselves in it (an event more than
     * the copy holds), so backup tests compare the other tables exactly and check the log's rows on their own.
     */
    public static Map<String, String> withoutAuditLog(Map<String, String> checksums) {
        Map<String, String> out = new LinkedHashMap<>(checksums);
        out.remove("audit_event");
        return out;
    }

    /** The number of rows in a {@code TableChecksums} digest («rows:sha256…»). */
    public static long rows(Map<String, String> checksums, String table) {
        String digest = checksums.get(table);
        return Long.parseLong(digest.substring(0, digest.indexOf(':')));
    }

    /**
     * Every text column of every table («table.column») holding {@code text} in any case: a name pseudonymised at
     * the door must be found nowhere (DESIGN §2.1).
     */
    public static List<String> textColumnsContaining(JdbcClient jdbc, String text) {
        List<String[]> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where lower(table_schema) = 'public' and (lower(data_type) like '%char%' or lower(data_type) = 'text')""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        List<String> found = new java.util.ArrayList<>();
        for (String[] c : columns) {
            long n = jdbc.sql("select count(*) from " + c[0] + " where lower(" + c[1] + ") like :p")
                    .param("p", "%" + text.toLowerCase(java.util.Locale.ROOT) + "%").query(Long.class).single();
            if (n > 0) {
                found.add(c[0] + "." + c[1]);
            }
        }
        // the results' texts (participant key, class, variant) are inside the blocks, not in text columns
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (StoredResults.all(jdbc).stream().map(StoredResults.Row::result).anyMatch(r -> java.util.stream.Stream.of(
                r.participant(), r.classLabel(), r.variant()).anyMatch(v -> v != null
                        && v.toLowerCase(java.util.Locale.ROOT).contains(lower)))) {
            found.add("result_block.data");
        }
        return found;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package ru.msoko.app.objectivity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.core.domain.ResultBlock;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.objectivity.AnalysisData;
import ru.msoko.core.objectivity.AnalysisDataBuilder;
import ru.msoko.core.scales.MarkScale;
import ru.msoko.core.objectivity.OfficialMarker;

/**
 * Reads the stored schools and results into the engine's columns, one assessment at a time and
 * streamed (blocks of results, {@link ResultBlockRepository}). Subjects are passed by
 * name, which is what the engine matches ВПР and ГИА subjects by.
 */
@Component
class AnalysisDataLoader {

    private static final int FETCH_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final ResultBlockRepository blocks;

    AnalysisDataLoader(DataSource dataSource, ResultBlockRepository blocks) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.blocks = blocks;
    }

    private record Assessment(long id, TaskLayout layout) {
    }

    /**
     * Schools with the context that applies (one query, no per-school lookups): per school the imported context
     * of the latest year not after {@code :year}, else of its latest year; of one year, the latest import. Its
     * known fields take precedence over the school row's; the forms have no social index or ШНОР flag.
     */
    private static final String SCHOOLS_WITH_CONTEXT = """
            select s.code, s.name, m.code, coalesce(c.school_type, s.school_type), coalesce(c.settlement, s.settlement),
                   coalesce(c.pupils, s.pupils), coalesce(c.teachers, s.teachers), s.ses_index, s.low_results,
                   coalesce(c.non_native_share, s.non_native_share)
            from school s join municipality m on m.id = s.municipality_id
            left join (select sc.school_id, sc.school_type, sc.settlement, sc.pupils, sc.teachers, sc.non_native_share,
                              row_number() over (partition by sc.school_id
                                  order by case when sc.context_year <= :year then 0 else 1 end,
                                           sc.context_year desc, sc.import_id desc) as pick
                       from school_context sc) c on c.school_id = s.id and c.pick = 1
            order by s.code""";

    @Transactional(readOnly = true)
    public AnalysisData load() {
        return load(null);
    }

    /**
     * @param analysedYear the latest year analysed; {@code null} = the latest year with results. A school's
     *                     imported context of that year or the nearest earlier one (else its newest) overrides
     *                     the school directory's values field by field
     */
    @Transactional(readOnly = true)
    public AnalysisData load(Integer analysedYear) {
        AnalysisDataBuilder builder = new AnalysisDataBuilder();
        jdbc.sql(SCHOOLS_WITH_CONTEXT).param("year", contextYear(analysedYear))
                .query(rs -> {
                    builder.addSchool(school(rs));
                });
        List<Assessment> assessments = jdbc.sql("""
                select a.id, a.task_layout from assessment a order by a.id""")
                .query((rs, n) -> new Assessment(rs.getLong(1), TaskLayout.parse(rs.getString(2)))).list();
        for (Assessment a : assessments) {
            builder.layout(a.layout());
            blocks.forEachOfAssessment(a.id(), block -> {
                for (ResultBlock.Row row : block.rowsBySubjectName()) {
                    if (!row.result().absent()) {
                        builder.add(row.result());
                    }
                }
            });
        }
        scales().forEach(builder::addScale);
        return builder.build();
    }

    /** The imported official scales for every variant (A.5 takes the mark thresholds from them). */
    private List<MarkScale> scales() {
        record BandRow(long scale, ProcedureKind kind, int year, String subject, int grade, MarkScale.Band band) {
        }
        List<BandRow> rows = jdbc.sql("""
                select ms.id, ms.kind, ms.exam_year, sub.name, ms.grade, b.mark, b.score_from, b.score_to
                from mark_scale ms join subject sub on sub.id = ms.subject_id join mark_scale_band b on b.scale_id = ms.id
                where ms.variant = '' order by ms.id, b.mark""")
                .query((rs, n) -> new BandRow(rs.getLong(1), ProcedureKind.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), rs.getInt(5), new MarkScale.Band(rs.getInt(6), rs.getInt(7), rs.getInt(8))))
                .list();
        Map<Long, List<BandRow>> byScale = rows.stream()
                .collect(Collectors.groupingBy(BandRow::scale, LinkedHashMap::new, Collectors.toList()));
        return byScale.values().stream().map(bands -> {
            BandRow first = bands.get(0);
            return new MarkScale(first.kind(), first.year(), first.subject(), first.grade(), "",
                    bands.stream().map(BandRow::band).toList(), null, null);
        }).toList();
    }

    /** The year whose context applies: the one asked, else the latest with results, else any (the newest context). */
    private int contextYear(Integer analysedYear) {
        if (analysedYear != null) {
            return analysedYear;
        }
        return jdbc.sql("select coalesce(max(exam_year), :none) from assessment").param("none", Integer.MAX_VALUE)
                .query(Integer.class).single();
    }

    /** The imported ФИС ОКО lists (the newest import per school and year), for the reconciliation of the zones. */
    @Transactional(readOnly = true)
    public List<OfficialMarker> officialMarkers() {
        return jdbc.sql("""
                select s.code, o.exam_year, o.markers from official_marker o join school s on s.id = o.school_id
                where o.import_id = (select max(n.import_id) from official_marker n
                                     where n.school_id = o.school_id and n.exam_year = o.exam_year)""")
                .query((rs, n) -> new OfficialMarker(rs.getString(1), rs.getInt(2), rs.getString(3))).list();
    }

    private static School school(ResultSet rs) throws SQLException {
        String type = rs.getString(4);
        String settlement = rs.getString(5);
        SchoolContext context = new SchoolContext(integer(rs, 6), integer(rs, 7), decimal(rs, 8),
                rs.getObject(9) == null ? null : rs.getBoolean(9), decimal(rs, 10));
        return new School(rs.getString(1), rs.getString(2), rs.getString(3), type == null ? null : SchoolType.valueOf(type),
                settlement == null ? null : Settlement.valueOf(settlement), context, List.of());
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Double decimal(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}

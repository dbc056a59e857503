package ru.msoko.app.objectivity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;
import ru.msoko.core.objectivity.SignCode;
import ru.msoko.core.objectivity.Zone;

/**
 * The filters of the risk table, the grid and {@code GET /api/v1/risk}, as the URL carries them (so a link is
 * shareable and the back button works). Every value is checked against its closed list here; an unknown value is
 * dropped (the filter is off) rather than passed to the SQL, where every value is a bound parameter anyway.
 *
 * @param year         the year of the zones; null = the latest year of the run
 * @param procedure    a procedure's short code as the signs store it («ВПР», «ОГЭ», …, «ФИС ОКО»), "" = all
 * @param subject      a subject's name, "" = all
 * @param grade        a grade, 0 = all
 * @param zone         a zone code ({@code red}, …), "" = all
 * @param sign         a sign code ({@code THRESHOLD_HEAPING}, …), "" = all
 * @param schoolType   a {@link SchoolType} name, "" = all
 * @param settlement   a {@link Settlement} name, "" = all
 * @param municipality a municipality code, "" = all (the scope still applies)
 * @param sort         the column to sort by: {@code zone} (the default), {@code score}, {@code name}, {@code municipality}
 * @param desc         descending order
 */
record RiskFilter(Integer year, String procedure, String subject, int grade, String zone, String sign,
                  String schoolType, String settlement, String municipality, String sort, boolean desc) {

    static final java.util.List<String> SORTS = java.util.List.of("zone", "score", "name", "municipality");

    /** The filters from the request's parameters, each cleaned or dropped. */
    static RiskFilter of(Integer year, String procedure, String subject, Integer grade, String zone, String sign,
                         String schoolType, String settlement, String municipality, String sort, String dir) {
        String z = Arrays.stream(Zone.values()).map(Zone::code).filter(c -> c.equals(zone)).findFirst().orElse("");
        String g = Arrays.stream(SignCode.values()).map(Enum::name).filter(c -> c.equals(sign)).findFirst().orElse("");
        String t = Arrays.stream(SchoolType.values()).map(Enum::name).filter(c -> c.equals(schoolType)).findFirst()
                .orElse("");
        String st = Arrays.stream(Settlement.values()).map(Enum::name).filter(c -> c.equals(settlement)).findFirst()
                .orElse("");
        String p = clean(procedure);
        String s = sort != null && SORTS.contains(sort) ? sort : "zone";
        return new RiskFilter(year, p, clean(subject), grade == null || grade < 0 || grade > 11 ? 0 : grade, z, g, t, st,
                clean(municipality), s, "desc".equals(dir));
    }

    private static String clean(String v) {
        return v == null ? "" : v.strip();
    }

    /** The assessment kind ({@code VPR}, …) of the procedure filter, "" when off or not a kind with results. */
    String kind() {
        return Arrays.stream(ProcedureKind.values()).filter(k -> k.code().equalsIgnoreCase(procedure))
                .map(Enum::name).findFirst().orElse(procedure.isEmpty() ? "" : "-");
    }

    /** Whether any of the procedure, subject, grade or sign filters is set (they narrow by the school's procedures). */
    public boolean byProcedure() {
        return !procedure.isEmpty() || !subject.isEmpty() || grade != 0 || !sign.isEmpty();
    }

    /** Whether anything but the year is set: the empty state then offers to reset the filter. */
    public boolean any() {
        return byProcedure() || !zone.isEmpty() || !schoolType.isEmpty() || !settlement.isEmpty()
                || !municipality.isEmpty();
    }

    RiskFilter withYear(int y) {
        return new RiskFilter(y, procedure, subject, grade, zone, sign, schoolType, settlement, municipality, sort, desc);
    }

    RiskFilter withZone(String z) {
        return new RiskFilter(year, procedure, subject, grade, z, sign, schoolType, settlement, municipality, sort, desc);
    }

    /** The filter's parameters as bound into {@link RiskQueries}' SQL (sort and direction are parameters too). */
    Map<String, Object> sqlParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("procedure", procedure);
        p.put("kind", kind());
        p.put("subject", subject);
        p.put("grade", grade);
        p.put("zone", zone);
        p.put("sign", sign);
        p.put("schoolType", schoolType);
        p.put("settlement", settlement);
        p.put("municipality", municipality);
        p.put("byProcedure", byProcedure());
        p.put("sort", sort);
        p.put("desc", desc);
        return p;
    }

    /** The URL's query of this filter (without empty values), e.g. {@code year=2025&zone=red}. */
    public String query() {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        add(b, "year", year == null ? "" : String.valueOf(year));
        add(b, "procedure", procedure);
        add(b, "subject", subject);
        add(b, "grade", grade == 0 ? "" : String.valueOf(grade));
        add(b, "zone", zone);
        add(b, "sign", sign);
        add(b, "schoolType", schoolType);
        add(b, "settlement", settlement);
        add(b, "municipality", municipality);
        if (!sort.equals("zone") || desc) {
            add(b, "sort", sort);
            add(b, "dir", desc ? "desc" : "asc");
        }
        String q = b.encode().build().getQuery();
        return q == null ? "" : q;
    }

    /** The query for sorting by a column: the same column again flips the direction. */
    public String sortQuery(String column) {
        boolean d = column.equals(sort) ? !desc : column.equals("score");
        return new RiskFilter(year, procedure, subject, grade, zone, sign, schoolType, settlement, municipality,
                column, d).query();
    }

    /** The arrow of a sorted column's header («▲»/«▼»), "" for the others. */
    public String arrow(String column) {
        return column.equals(sort) ? (desc ? " ▼" : " ▲") : "";
    }

    /** The query of this filter with one zone chosen (the zone counts are links). */
    public String zoneQuery(String z) {
        return withZone(z).query();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (!value.isEmpty()) {
            b.queryParam(name, value);
        }
    }
}

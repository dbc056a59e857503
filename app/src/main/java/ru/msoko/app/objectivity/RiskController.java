package ru.msoko.app.objectivity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.springframework.security.core.Authentication;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;
import ru.msoko.core.objectivity.MarkerClass;
import ru.msoko.core.objectivity.SignCode;
import ru.msoko.core.objectivity.Zone;

/** The risk zones of the latest analysis run, and a school's signs; scoped like everything else. */
@Controller
class RiskController {

    private final RiskQueries queries;
    private final AnalysisJobs analysisJobs;

    RiskController(RiskQueries queries, AnalysisJobs analysisJobs) {
        this.queries = queries;
        this.analysisJobs = analysisJobs;
    }

    /** Rows of one page of the risk table. */
    static final int PAGE_SIZE = 100;
    /** Tiles of the grid at most (a region has a few thousand schools). */
    static final int GRID_LIMIT = 5000;

    /**
     * The risk table: the schools of a year of the latest run with their zone and, per procedure, the signs as
     * badges; every filter in the URL, counts per zone for the filter, sorting by a column, 100 rows a page.
     */
    @GetMapping("/risk")
    String risk(@RequestParam(required = false) Integer year, @RequestParam(required = false) String procedure,
                @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
                @RequestParam(required = false) String zone, @RequestParam(required = false) String sign,
                @RequestParam(required = false) String schoolType, @RequestParam(required = false) String settlement,
                @RequestParam(required = false) String municipality, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, @RequestParam(defaultValue = "1") int page,
                Scope scope, Model model, jakarta.servlet.http.HttpServletRequest request) {
        RiskFilter filter = RiskFilter.of(year, procedure, subject, grade, zone, sign, schoolType, settlement,
                municipality, sort, dir);
        Integer selected = common(filter, scope, model);
        if (selected == null) {
            return "risk";
        }
        RiskFilter f = filter.withYear(selected);
        long total = (long) model.getAttribute("total");
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), pages);
        long run = ((RiskQueries.Run) model.getAttribute("run")).id();
        List<RiskQueries.Row> rows = queries.risk(scope, run, selected, f, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        Map<String, List<RiskQueries.ProcedureSigns>> signs =
                queries.signsBySchool(run, selected, rows.stream().map(RiskQueries.Row::code).toList(), f);
        String root = request.getContextPath();
        model.addAttribute("rows", rows.stream()
                .map(r -> RowView.of(root, r, history(r.history()), signs.getOrDefault(r.code(), List.of()))).toList());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "risk";
    }

    /**
     * The grid: a tile per school coloured by zone and naming it, grouped by municipality (for the region) and by
     * settlement type; the same filters as the table.
     */
    @GetMapping("/risk/grid")
    String grid(@RequestParam(required = false) Integer year, @RequestParam(required = false) String procedure,
                @RequestParam(required = false) String subject, @RequestParam(required = false) Integer grade,
                @RequestParam(required = false) String zone, @RequestParam(required = false) String sign,
                @RequestParam(required = false) String schoolType, @RequestParam(required = false) String settlement,
                @RequestParam(required = false) String municipality, Scope scope, Model model,
                jakarta.servlet.http.HttpServletRequest request) {
        RiskFilter filter = RiskFilter.of(year, procedure, subject, grade, zone, sign, schoolType, settlement,
                municipality, "name", "asc");
        Integer selected = common(filter, scope, model);
        if (selected == null) {
            return "risk-grid";
        }
        long run = ((RiskQueries.Run) model.getAttribute("run")).id();
        List<RiskQueries.Row> rows = queries.risk(scope, run, selected, filter.withYear(selected), 0, GRID_LIMIT);
        model.addAttribute("groups", Grid.of(request.getContextPath(), rows, scope.isRegion()));
        return "risk-grid";
    }

    /**
     * A row of the table with its texts and links ready: the stored row, the school's link, type and settlement, its
     * past years in words and its procedures with signs. Built here rather than with a link expression per badge in
     * the template: a hundred rows of Thymeleaf link expressions took most of the page's time (bench/risk.sh).
     */
    record RowView(RiskQueries.Row row, String href, String kind, String history, List<ProcedureView> procedures) {
        static RowView of(String root, RiskQueries.Row r, String history, List<RiskQueries.ProcedureSigns> signs) {
            String href = root + "/schools/" + UriUtils.encodePathSegment(r.code(), StandardCharsets.UTF_8);
            String kind = (r.schoolType() == null ? "тип не указан" : SchoolType.valueOf(r.schoolType()).label())
                    + (r.settlement() == null ? "" : ", " + Settlement.valueOf(r.settlement()).label());
            return new RowView(r, href, kind, history, signs.stream().map(p -> ProcedureView.of(href, p)).toList());
        }
    }

    /** A procedure of a row («ВПР 5 кл., Математика») with its sign badges. */
    record ProcedureView(String label, List<BadgeView> signs) {
        static ProcedureView of(String schoolHref, RiskQueries.ProcedureSigns p) {
            return new ProcedureView(p.procedure() + (p.grade() > 0 ? " " + p.grade() + " кл." : "") + ", " + p.subject(),
                    p.signs().stream().map(b -> BadgeView.of(schoolHref, b)).toList());
        }
    }

    /** A sign badge: its title, link, CSS class (strength, dashed when not counted) and the strength in words. */
    record BadgeView(String title, String href, String css, String strength) {
        static BadgeView of(String schoolHref, RiskQueries.Badge b) {
            String s = STRENGTH.getOrDefault(b.sign(), "supporting");
            String words = STRENGTH_LABELS.get(s) + (b.counted() ? "" : ", не учитывается в зоне");
            return new BadgeView(SIGN_TITLES.getOrDefault(b.sign(), b.sign()), schoolHref + "/signs/" + b.id(),
                    "badge sign sign-" + s + (b.counted() ? "" : " not-counted"), words);
        }
    }

    /**
     * What the table and the grid share: the run, the year (null when there is nothing to show: no run, or the
     * asked year not calculated), the filter's choices and the counts per zone.
     */
    private Integer common(RiskFilter filter, Scope scope, Model model) {
        model.addAttribute("zones", Zone.values());
        model.addAttribute("zoneLabels", ZONE_LABELS);
        model.addAttribute("signCodes", SignCode.values());
        model.addAttribute("signTitles", SIGN_TITLES);
        model.addAttribute("strength", STRENGTH);
        model.addAttribute("strengthLabels", STRENGTH_LABELS);
        model.addAttribute("schoolTypes", SchoolType.values());
        model.addAttribute("settlements", Settlement.values());
        model.addAttribute("region", scope.isRegion());
        model.addAttribute("f", filter);
        var run = queries.latest();
        model.addAttribute("run", run.orElse(null));
        if (run.isEmpty()) {
            return null;
        }
        List<Integer> years = queries.years(run.get().id());
        model.addAttribute("years", years);
        if (years.isEmpty() || filter.year() != null && !years.contains(filter.year())) {
            model.addAttribute("missingYear", filter.year());
            return null;
        }
        int selected = filter.year() != null ? filter.year() : years.get(0);
        RiskFilter f = filter.withYear(selected);
        model.addAttribute("f", f);
        model.addAttribute("year", selected);
        model.addAttribute("choices", queries.choices(run.get().id(), selected));
        model.addAttribute("municipalities", scope.isRegion() ? queries.municipalities(scope) : List.of());
        Map<String, Long> found = queries.zoneCounts(scope, run.get().id(), selected, f);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Zone z : Zone.values()) {
            counts.put(z.code(), found.getOrDefault(z.code(), 0L));
        }
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        model.addAttribute("counts", counts);
        model.addAttribute("all", all);
        model.addAttribute("total", f.zone().isEmpty() ? all : counts.getOrDefault(f.zone(), 0L));
        return selected;
    }

    static final Map<String, String> ZONE_LABELS =
            Arrays.stream(Zone.values()).collect(Collectors.toMap(Zone::code, Zone::label));
    /** Sign code → its strength's CSS class suffix ({@code strong}, {@code supporting}, …). */
    static final Map<String, String> STRENGTH = Arrays.stream(SignCode.values())
            .collect(Collectors.toMap(SignCode::name, c -> c.markerClass().name().toLowerCase(java.util.Locale.ROOT)));
    static final Map<String, String> STRENGTH_LABELS = Arrays.stream(MarkerClass.values())
            .collect(Collectors.toMap(c -> c.name().toLowerCase(java.util.Locale.ROOT), MarkerClass::label,
                    (a, b) -> a, LinkedHashMap::new));

    /**
     * Starts the analysis over all stored data (the region's job: the run covers every school) as a background job;
     * the answer is the job's page, which follows it and then links to the risk zones.
     */
    @PostMapping("/risk/run")
    String run(Authentication auth) {
        return "redirect:/jobs/" + analysisJobs.submit(auth).id();
    }

    /** «2024:green|2025:red» → «2024 — зелёная, 2025 — красная». */
    static String history(String coded) {
        if (coded == null || coded.isBlank()) {
            return "";
        }
        return Arrays.stream(coded.split("\\|")).map(part -> {
            String[] yz = part.split(":");
            return yz[0] + " — " + EvidenceChart.zoneWord(yz[1]);
        }).collect(Collectors.joining(", "));
    }

    /** A sign with its chart (when the sign has one). */
    record SignView(RiskQueries.SignRow sign, EvidenceChart.Chart chart) {
    }

    private static final Map<String, String> SIGN_TITLES = Arrays.stream(SignCode.values())
            .collect(Collectors.toMap(SignCode::name, SignCode::title));

    /** The signs of one school in the latest run and its zone per year (an htmx fragment of the school page). */
    @GetMapping("/schools/{code}/signs")
    String signs(@PathVariable String code, Scope scope, Model model) {
        model.addAttribute("signTitles", SIGN_TITLES);
        model.addAttribute("code", code);
        var run = queries.latest();
        model.addAttribute("run", run.orElse(null));
        model.addAttribute("signs", run.map(r -> queries.signs(scope, r.id(), code)).orElse(List.<RiskQueries.SignRow>of())
                .stream().map(g -> new SignView(g, EvidenceChart.of(g.sign(), g.evidence()))).toList());
        model.addAttribute("zones", run.flatMap(r -> queries.zones(scope, r.id(), code, null))
                .map(z -> EvidenceChart.zones(z.past(), z.year(), z.zone())).orElse(EvidenceChart.Chart.NONE));
        return "school-signs :: signs";
    }

    /**
     * One sign of a school: its numbers, whether it counts toward the zone, the explanation, the evidence chart
     * and the school's zone per year. Scoped like the school page: outside the territory (or a sign of another
     * school) a municipality or school user is told the school is outside their territory.
     */
    @GetMapping("/schools/{code}/signs/{id}")
    String sign(@PathVariable String code, @PathVariable long id, Scope scope, Model model) {
        var found = queries.sign(scope, code, id).orElseThrow(() -> scope.isRegion()
                ? new NotFoundException("У школы с кодом «" + code + "» нет признака № " + id + ".")
                : new ForbiddenException("Эта школа вне вашей территории."));
        RiskQueries.SignRow g = found.sign();
        model.addAttribute("code", code);
        model.addAttribute("schoolName", found.schoolName());
        model.addAttribute("g", g);
        model.addAttribute("title", SIGN_TITLES.getOrDefault(g.sign(), g.sign()));
        model.addAttribute("chart", EvidenceChart.of(g.sign(), g.evidence()));
        model.addAttribute("reason", reason(g.sign(), g.counted()));
        model.addAttribute("value", number(g.value()));
        model.addAttribute("threshold", number(g.threshold()));
        model.addAttribute("zones", queries.zones(scope, found.run(), code, g.year())
                .map(z -> EvidenceChart.zones(z.past(), z.year(), z.zone())).orElse(EvidenceChart.Chart.NONE));
        return "sign";
    }

    /** Up to three decimals with a decimal comma: a sign's value or threshold (shares like 0.05 keep their digits). */
    static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "—";
        }
        return new java.math.BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                .replace('.', ',');
    }

    /** Whether a sign counts toward the zone, and why (methods.md A.9), in plain Russian. */
    static String reason(String sign, boolean counted) {
        MarkerClass c = Arrays.stream(SignCode.values()).filter(x -> x.name().equals(sign)).map(SignCode::markerClass)
                .findFirst().orElse(MarkerClass.SUPPORTING);
        if (!counted) {
            return switch (c) {
                case LEVEL -> "Не учитывается в зоне: это уровень результатов (значимо выше или ниже сопоставимых школ) — "
                        + "контекст, а не признак необъективности.";
                case OFFICIAL -> "Не учитывается в нашей зоне: это отметка из официального перечня ФИС ОКО, она показана для сверки.";
                default -> "Не учитывается в зоне: школа освобождена от этого правила (например, профильная школа), "
                        + "признак показан, а не скрыт.";
            };
        }
        return switch (c) {
            case STRONG -> "Учитывается в зоне: сильный признак — одного такого достаточно для признака необъективности процедуры.";
            case CONFIRMING -> "Учитывается в зоне: подтверждающий признак — школа сразу попадает в красную зону.";
            case INTERNAL_ASSESSMENT -> "Учитывается отдельно, в направлении «объективность текущего оценивания», а не в статусе ВПР.";
            default -> "Учитывается в зоне: дополнительный признак — признак необъективности процедуры дают два таких.";
        };
    }
}

package ru.msoko.app.objectivity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.core.Authentication;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;
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

    @GetMapping("/risk")
    String risk(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "") String zone,
                @RequestParam(defaultValue = "") String sign, Scope scope, Model model) {
        model.addAttribute("zones", Zone.values());
        model.addAttribute("zoneLabels", Arrays.stream(Zone.values()).collect(Collectors.toMap(Zone::code, Zone::label)));
        model.addAttribute("signCodes", SignCode.values());
        model.addAttribute("signTitles", SIGN_TITLES);
        model.addAttribute("zone", zone);
        model.addAttribute("sign", sign);
        var run = queries.latest();
        model.addAttribute("run", run.orElse(null));
        if (run.isEmpty()) {
            return "risk";
        }
        List<Integer> years = queries.years(run.get().id());
        int selected = year != null && years.contains(year) ? year : years.isEmpty() ? 0 : years.get(0);
        String zoneFilter = Arrays.stream(Zone.values()).anyMatch(z -> z.code().equals(zone)) ? zone : "";
        String signFilter = Arrays.stream(SignCode.values()).anyMatch(c -> c.name().equals(sign)) ? sign : "";
        List<RiskQueries.Row> rows = queries.risk(scope, run.get().id(), selected, zoneFilter, signFilter).stream()
                .map(r -> new RiskQueries.Row(r.code(), r.name(), r.municipality(), r.year(), r.zone(), r.score(), r.signs(),
                        r.procedures(), r.explanation(), r.internal(), history(r.history())))
                .toList();
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Zone z : Zone.values()) {
            long n = rows.stream().filter(r -> r.zone().equals(z.code())).count();
            if (n > 0) {
                counts.put(z.code(), n);
            }
        }
        model.addAttribute("years", years);
        model.addAttribute("year", selected);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts);
        model.addAttribute("signIds", queries.singleSigns(scope, run.get().id(), selected));
        return "risk";
    }

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

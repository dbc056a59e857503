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
import ru.msoko.core.objectivity.ObjectivitySettings;
import ru.msoko.core.objectivity.SignCode;
import ru.msoko.core.objectivity.Zone;

/** The risk zones of the latest analysis run, and a school's signs; scoped like everything else. */
@Controller
class RiskController {

    private final RiskQueries queries;
    private final AnalysisService analysis;

    RiskController(RiskQueries queries, AnalysisService analysis) {
        this.queries = queries;
        this.analysis = analysis;
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
        return "risk";
    }

    /** Runs the analysis over all stored data (the region's job: the run covers every school). */
    @PostMapping("/risk/run")
    String run(Authentication auth) {
        analysis.analyse(List.of(), ObjectivitySettings.defaults(), auth.getName());
        return "redirect:/risk";
    }

    /** The signs of one school in the latest run (an htmx fragment of the school page). */
    /** «2024:green|2025:red» → «2024 — зелёная, 2025 — красная». */
    static String history(String coded) {
        if (coded == null || coded.isBlank()) {
            return "";
        }
        return Arrays.stream(coded.split("\\|")).map(part -> {
            String[] yz = part.split(":");
            String label = Arrays.stream(Zone.values()).filter(z -> z.code().equals(yz[1])).map(Zone::label)
                    .findFirst().orElse(yz[1]);
            return yz[0] + " — " + label.replace(" зона", "");
        }).collect(Collectors.joining(", "));
    }

    /** A sign with its chart (when the sign has one). */
    record SignView(RiskQueries.SignRow sign, EvidenceChart.Chart chart) {
    }

    private static final Map<String, String> SIGN_TITLES = Arrays.stream(SignCode.values())
            .collect(Collectors.toMap(SignCode::name, SignCode::title));

    @GetMapping("/schools/{code}/signs")
    String signs(@PathVariable String code, Scope scope, Model model) {
        model.addAttribute("signTitles", SIGN_TITLES);
        var run = queries.latest();
        model.addAttribute("run", run.orElse(null));
        model.addAttribute("signs", run.map(r -> queries.signs(scope, r.id(), code)).orElse(List.<RiskQueries.SignRow>of())
                .stream().map(g -> new SignView(g, EvidenceChart.of(g.sign(), g.evidence()))).toList());
        return "school-signs :: signs";
    }
}

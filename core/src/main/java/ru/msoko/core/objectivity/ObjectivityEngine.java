package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import ru.msoko.core.domain.School;
import ru.msoko.core.stats.MultipleTesting;

/**
 * Runs every rule of methods.md on the data, controls the false discovery rate over all tests of the run
 * (Benjamini–Hochberg, applied before the признак rule, A.9 step 6), and derives the risk zones. All years
 * present are analysed, because the zone of a year depends on the previous ones; the result keeps the
 * requested years.
 */
public final class ObjectivityEngine {

    private static final List<Rule> RULES = List.of(new OutlierMeanRule(), new GiaConfirmationRule(),
            new DifficultyProfileRule(), new PersonFitRule(), new JournalRule(), new HeapingRule(), new SimilarityRule(),
            new CohortRule(), new YearJumpRule(), new ContextResidualRule(), new ShapeRule(), new OlympiadRule(),
            new MedalRule(), new SchoolExamRule(), new RecheckRule(), new ControlledDropRule());

    private final ObjectivitySettings settings;

    public ObjectivityEngine(ObjectivitySettings settings) {
        this.settings = settings;
    }

    /** Analyses every year with data. */
    public AnalysisResult analyse(AnalysisData data, List<OfficialMarker> official) {
        return analyse(data, data.years(), official);
    }

    public AnalysisResult analyse(AnalysisData data, Collection<Integer> years, List<OfficialMarker> official) {
        AnalysisContext ctx = new AnalysisContext(data, settings);
        SortedSet<Integer> all = data.years();
        Set<Integer> wanted = new HashSet<>(years);
        // the region-level bunching estimates are independent of the rules: computed alongside them
        CompletableFuture<List<BunchingRow>> bunching = CompletableFuture.supplyAsync(() -> BunchingAnalysis.of(ctx, wanted));
        List<Finding> findings = runRules(ctx, all);
        adjust(findings);
        List<Sign> signs = signs(ctx, findings, official);
        List<RiskAssessment> risk = RiskZones.assess(ctx, signs, wanted, official, cleanRechecks(ctx, findings));
        List<Sign> kept = signs.stream().filter(s -> wanted.contains(s.year())).toList();
        return new AnalysisResult(ObjectivitySettings.METHOD_VERSION, settings, List.copyOf(wanted), kept, risk, bunching.join(),
                data.resultCount());
    }

    private static List<Finding> runRules(AnalysisContext ctx, Set<Integer> years) {
        record Task(Rule rule, int year) {
        }
        List<Task> tasks = new ArrayList<>();
        for (int year : years) {
            for (Rule rule : RULES) {
                tasks.add(new Task(rule, year));
            }
        }
        // independent (rule, year) pairs; the lists are concatenated in task order, so output is deterministic
        return tasks.parallelStream().map(t -> t.rule.apply(ctx, t.year)).collect(Collectors.toList())
                .stream().flatMap(List::stream).collect(Collectors.toList());
    }

    /**
     * Benjamini–Hochberg over the tests of the run that have a p-value, in three families: the
     * objectivity markers (strong, supporting, confirming: the family A.9.1 speaks of), the internal
     * assessment track, and the level classification. Levels are kept apart because schools genuinely
     * differ: hundreds of tiny level p-values would otherwise loosen the cut-off for the markers.
     */
    private static void adjust(List<Finding> findings) {
        Map<String, List<Finding>> families = new HashMap<>();
        for (Finding f : findings) {
            if (f.hasP()) {
                families.computeIfAbsent(family(f.code.markerClass()), k -> new ArrayList<>()).add(f);
            }
        }
        for (List<Finding> tested : families.values()) {
            double[] p = new double[tested.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = tested.get(i).p;
            }
            double[] q = MultipleTesting.benjaminiHochberg(p);
            for (int i = 0; i < q.length; i++) {
                tested.get(i).q = q[i];
            }
        }
    }

    private static String family(MarkerClass c) {
        return switch (c) {
            case LEVEL -> "level";
            case INTERNAL_ASSESSMENT -> "internal";
            default -> "markers";
        };
    }

    private List<Sign> signs(AnalysisContext ctx, List<Finding> findings, List<OfficialMarker> official) {
        double fdr = settings.get(Parameter.FDR_Q);
        List<Sign> signs = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.holds || (f.hasP() && !(f.q <= fdr))) {
                continue;
            }
            School school = ctx.school(f.school);
            boolean counted = !f.exempt && f.code.markerClass() != MarkerClass.LEVEL
                    && f.code.markerClass() != MarkerClass.OFFICIAL;
            signs.add(new Sign(school.code(), f.unit.year(), f.unit.kind().code(), f.unit.subject(), f.unit.grade(), f.code,
                    f.n, f.value, f.threshold, f.p, f.q, counted, f.evidence, f.explanation));
        }
        Set<String> known = ctx.data.schools().stream().map(School::code).collect(Collectors.toSet());
        for (OfficialMarker m : official) {
            if (known.contains(m.schoolCode())) {
                signs.add(new Sign(m.schoolCode(), m.year(), "ФИС ОКО", m.procedures(), 0, SignCode.OFFICIAL_MARKER, 0,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, "маркеры=" + m.procedures(),
                        "ОО включена в официальный перечень ФИС ОКО ОО с признаками необъективных результатов за "
                                + m.year() + " г. (маркеры: " + m.procedures() + ")."));
            }
        }
        signs.sort(SIGN_ORDER);
        return signs;
    }

    static final java.util.Comparator<Sign> SIGN_ORDER = java.util.Comparator.comparingInt(Sign::year)
            .thenComparing(Sign::schoolCode).thenComparing(Sign::procedure).thenComparing(Sign::subject)
            .thenComparingInt(Sign::grade).thenComparing(Sign::code);

    /** Schools whose re-check in a year changed no marks: the documented way out of the zone (A.9 step 5). */
    private static Map<Integer, Set<String>> cleanRechecks(AnalysisContext ctx, List<Finding> findings) {
        Map<Integer, Set<String>> clean = new HashMap<>();
        Map<Integer, Set<String>> dirty = new HashMap<>();
        for (Finding f : findings) {
            if (f.code == SignCode.RECHECK_DISCREPANCY) {
                (f.holds ? dirty : clean).computeIfAbsent(f.unit.year(), k -> new HashSet<>()).add(ctx.school(f.school).code());
            }
        }
        clean.forEach((year, set) -> set.removeAll(dirty.getOrDefault(year, Set.of())));
        return clean;
    }
}

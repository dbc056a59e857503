package ru.msoko.core.objectivity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ru.msoko.core.domain.School;

/**
 * Signs → «признак необъективности» per procedure → the school's zone per year (methods.md A.9):
 * a procedure has a признак with one strong or two supporting signs; red with two procedures, with the
 * same procedure in this and the previous year, or with a confirming sign; yellow with one; green with
 * none. Leaving the zone (step 5): a school red in the previous year stays yellow («под наблюдением»)
 * until a second year without признаки, unless a re-check this year changed no marks.
 */
final class RiskZones {

    private RiskZones() {
    }

    static List<RiskAssessment> assess(AnalysisContext ctx, List<Sign> signs, Set<Integer> years,
                                       List<OfficialMarker> official, Map<Integer, Set<String>> recheckedClean) {
        Map<String, Map<Integer, List<Sign>>> bySchool = new HashMap<>();
        for (Sign s : signs) {
            bySchool.computeIfAbsent(s.schoolCode(), k -> new TreeMap<>()).computeIfAbsent(s.year(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Map<Integer, String>> officialBySchool = new HashMap<>();
        for (OfficialMarker m : official) {
            officialBySchool.computeIfAbsent(m.schoolCode(), k -> new HashMap<>()).put(m.year(), m.procedures());
        }
        Set<Integer> officialYears = new LinkedHashSet<>();
        official.forEach(m -> officialYears.add(m.year()));
        Map<String, Map<Integer, DataCoverage>> coverage = DataCoverage.of(ctx);
        List<RiskAssessment> out = new ArrayList<>();
        for (School school : ctx.data.schools()) {
            Map<Integer, DataCoverage> cov = coverage.getOrDefault(school.code(), Map.of());
            Map<Integer, Year> history = new TreeMap<>();
            java.util.TreeSet<Integer> schoolYears = new java.util.TreeSet<>(cov.keySet());
            schoolYears.addAll(officialBySchool.getOrDefault(school.code(), Map.of()).keySet());
            for (int year : schoolYears) {
                List<Sign> list = bySchool.getOrDefault(school.code(), Map.of()).getOrDefault(year, List.of());
                Year previous = history.get(year - 1);
                boolean clean = recheckedClean.getOrDefault(year, Set.of()).contains(school.code());
                Year y = Year.of(list, previous, cov.get(year), clean);
                history.put(year, y);
                if (years.contains(year)) {
                    Map<Integer, String> off = officialBySchool.get(school.code());
                    Boolean onList = officialYears.contains(year) ? off != null && off.containsKey(year) : null;
                    out.add(y.assessment(school, year, history, onList));
                }
            }
        }
        out.sort((a, b) -> a.year() != b.year() ? Integer.compare(a.year(), b.year())
                : a.zone() != b.zone() ? a.zone().compareTo(b.zone())
                : a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.schoolCode().compareTo(b.schoolCode()));
        return out;
    }

    /** One school's year: its procedures with a признак and the resulting zone. */
    private record Year(Zone zone, double score, Map<String, List<Sign>> flagged, List<Sign> counted, List<Sign> internal,
                        Set<String> repeated, boolean watched, boolean confirmed) {

        static Year of(List<Sign> signs, Year previous, DataCoverage coverage, boolean recheckClean) {
            Map<String, List<Sign>> byUnit = new LinkedHashMap<>();
            List<Sign> counted = new ArrayList<>();
            List<Sign> internal = new ArrayList<>();
            boolean confirmed = false;
            for (Sign s : signs) {
                if (s.markerClass() == MarkerClass.INTERNAL_ASSESSMENT) {
                    internal.add(s);
                }
                if (!s.counted() || !EnumSet.of(MarkerClass.STRONG, MarkerClass.SUPPORTING, MarkerClass.CONFIRMING).contains(s.markerClass())) {
                    continue;
                }
                counted.add(s);
                byUnit.computeIfAbsent(s.unitLabel(), k -> new ArrayList<>()).add(s);
                confirmed |= s.markerClass() == MarkerClass.CONFIRMING;
            }
            Map<String, List<Sign>> flagged = new LinkedHashMap<>();
            byUnit.forEach((unit, list) -> {
                long strong = list.stream().filter(s -> s.markerClass() != MarkerClass.SUPPORTING).count();
                long supporting = list.size() - strong;
                if (strong >= 1 || supporting >= 2) {
                    flagged.put(unit, list);
                }
            });
            Set<String> repeated = new LinkedHashSet<>();
            if (previous != null) {
                for (String unit : flagged.keySet()) {
                    if (previous.flagged.containsKey(unit)) {
                        repeated.add(unit);
                    }
                }
            }
            double score = repeated.size();
            for (Sign s : counted) {
                score += switch (s.markerClass()) {
                    case CONFIRMING -> 3;
                    case STRONG -> 2;
                    default -> 1;
                };
            }
            Zone zone;
            boolean watched = false;
            if (flagged.size() >= 2 || !repeated.isEmpty() || confirmed) {
                zone = Zone.RED;
            } else if (flagged.size() == 1) {
                zone = Zone.YELLOW;
            } else if (previous != null && previous.zone == Zone.RED && !recheckClean) {
                zone = Zone.YELLOW;
                watched = true;
            } else {
                zone = coverage == null || !coverage.sufficient ? Zone.INSUFFICIENT_DATA : Zone.GREEN;
            }
            return new Year(zone, score, flagged, counted, internal, repeated, watched, confirmed);
        }

        RiskAssessment assessment(School school, int year, Map<Integer, Year> history, Boolean official) {
            List<SignCode> codes = counted.stream().map(Sign::code).distinct().toList();
            StringBuilder past = new StringBuilder();
            history.forEach((y, h) -> {
                if (y < year && y >= year - 2) {
                    past.append(past.length() == 0 ? "" : "|").append(y).append(':').append(h.zone.code());
                }
            });
            String reconciliation = official == null ? ""
                    : official ? (flagged.isEmpty() ? "only_official" : "both") : (flagged.isEmpty() ? "neither" : "only_ours");
            return new RiskAssessment(school.code(), school.name(), school.municipalityCode(), year, zone, score, codes,
                    List.copyOf(flagged.keySet()), explanation(year, official), internalText(), past.toString(), official,
                    reconciliation);
        }

        private String explanation(int year, Boolean official) {
            StringBuilder sb = new StringBuilder();
            switch (zone) {
                case RED -> sb.append("Красная зона (зона риска): ");
                case YELLOW -> sb.append("Жёлтая зона: ");
                case GREEN -> sb.append("Зелёная зона: признаков необъективности результатов в ").append(year).append(" г. не выявлено.");
                case INSUFFICIENT_DATA -> sb.append("Недостаточно данных: ни в одной процедуре ").append(year)
                        .append(" г. не было достаточного числа участников для статистических выводов.");
            }
            if (!flagged.isEmpty()) {
                sb.append("признаки необъективности в ").append(flagged.size()).append(' ')
                        .append(Ru.plural(flagged.size(), "процедуре", "процедурах", "процедурах")).append(" ")
                        .append(year).append(" г. — ");
                List<String> parts = new ArrayList<>();
                flagged.forEach((unit, list) -> parts.add(unit + " ("
                        + String.join("; ", list.stream().map(s -> s.code().title()).distinct().toList()) + ")"));
                sb.append(String.join("; ", parts)).append('.');
            }
            if (!repeated.isEmpty()) {
                sb.append(" Признак повторяется второй год подряд: ").append(String.join("; ", repeated)).append('.');
            }
            if (confirmed) {
                sb.append(" Перепроверка работ подтвердила расхождения.");
            }
            if (watched) {
                sb.append("в ").append(year - 1).append(" г. школа была в зоне риска; в этом году признаков нет, но для "
                        + "выхода из зоны нужен второй год без признаков (или перепроверка без изменения отметок).");
            }
            if (official != null) {
                sb.append(official ? " ОО есть в официальном перечне ФИС ОКО за этот год." : " В официальном перечне ФИС ОКО за этот год ОО нет.");
            }
            String internalText = internalText();
            if (!internalText.isEmpty()) {
                sb.append(" Отдельно, объективность текущего оценивания: ").append(internalText).append('.');
            }
            sb.append(" Это признаки для методической проверки, а не вывод о необъективности.");
            return sb.toString();
        }

        private String internalText() {
            List<String> parts = new ArrayList<>();
            for (Sign s : internal) {
                parts.add(s.code().title() + " (" + s.unitLabel() + ")");
            }
            return String.join("; ", parts);
        }
    }
}

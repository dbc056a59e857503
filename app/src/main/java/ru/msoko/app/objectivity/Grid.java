package ru.msoko.app.objectivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.msoko.core.domain.Settlement;

/**
 * The map-like grid of the risk view: the schools as tiles, grouped by municipality (for the region; one group
 * otherwise) and within it by settlement type — towns first, then villages, then schools whose type is not known.
 */
record Grid(String municipality, List<Part> parts, Map<String, Long> zones) {

    /** The schools of one settlement type of a group. */
    record Part(String settlement, List<Tile> schools) {
    }

    /** A school's tile: its row, its page's address and its number of signs in words ("" without signs). */
    record Tile(RiskQueries.Row row, String href, String signs) {
        static Tile of(String root, RiskQueries.Row r) {
            int n = r.signs() == null || r.signs().isBlank() ? 0 : r.signs().split("\\|").length;
            return new Tile(r, root + "/schools/" + org.springframework.web.util.UriUtils.encodePathSegment(r.code(),
                    java.nio.charset.StandardCharsets.UTF_8),
                    n == 0 ? "" : n + "\u00A0" + ru.msoko.app.web.RussianFormat.plural(n, "признак", "признака", "признаков"));
        }
    }

    static List<Grid> of(String root, List<RiskQueries.Row> rows, boolean byMunicipality) {
        Map<String, List<RiskQueries.Row>> groups = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(RiskQueries.Row::municipality))
                .forEach(r -> groups.computeIfAbsent(byMunicipality ? r.municipality() : "", k -> new ArrayList<>()).add(r));
        List<Grid> out = new ArrayList<>();
        groups.forEach((name, schools) -> {
            List<Part> parts = new ArrayList<>();
            for (Settlement s : Settlement.values()) {
                part(parts, s.label(), schools.stream().filter(r -> s.name().equals(r.settlement()))
                        .map(r -> Tile.of(root, r)).toList());
            }
            part(parts, "тип поселения не указан", schools.stream().filter(r -> r.settlement() == null)
                    .map(r -> Tile.of(root, r)).toList());
            Map<String, Long> zones = new LinkedHashMap<>();
            for (var z : ru.msoko.core.objectivity.Zone.values()) {
                long n = schools.stream().filter(r -> r.zone().equals(z.code())).count();
                if (n > 0) {
                    zones.put(z.code(), n);
                }
            }
            out.add(new Grid(name, parts, zones));
        });
        return out;
    }

    private static void part(List<Part> parts, String title, List<Tile> schools) {
        if (!schools.isEmpty()) {
            parts.add(new Part(title, schools));
        }
    }

    /** «красная зона — 1, зелёная зона — 2». */
    public String summary() {
        return zones.entrySet().stream().map(e -> RiskController.ZONE_LABELS.get(e.getKey()) + " — " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public int size() {
        return parts.stream().mapToInt(p -> p.schools().size()).sum();
    }
}

package ru.msoko.core.objectivity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolType;

/**
 * Groups of comparable schools for one procedure (methods.md B.1): the same kind of school, settlement,
 * size band and social-context quartile. A group with fewer than the configured number of schools is
 * widened by dropping the context quartile, then the size band, then the settlement, then the type —
 * so that a school is always compared with enough others, and the group description says with whom.
 */
final class ComparisonGroups {

    private static final int LEVELS = 5;

    private final String[] description;
    private final String[] key;

    private ComparisonGroups(String[] key, String[] description) {
        this.key = key;
        this.description = description;
    }

    static ComparisonGroups of(AnalysisContext ctx, ProcedureSummary s) {
        int slots = s.n.length;
        double[] quartiles = sesQuartiles(ctx);
        String[][] keys = new String[LEVELS][slots];
        for (int slot = 0; slot < slots; slot++) {
            School school = ctx.school(s.data.schools[slot]);
            String type = typeClass(school.type());
            String settlement = school.settlement() == null ? "?" : school.settlement().label();
            String size = s.n[slot] < 15 ? "до 15" : s.n[slot] < 40 ? "15–39" : "40 и более";
            String ses = sesQuartile(school, quartiles);
            keys[0][slot] = type + "|" + settlement + "|" + size + "|" + ses;
            keys[1][slot] = type + "|" + settlement + "|" + size;
            keys[2][slot] = type + "|" + settlement;
            keys[3][slot] = type;
            keys[4][slot] = "регион";
        }
        int min = ctx.settings.getInt(Parameter.GROUP_MIN_SCHOOLS);
        String[] chosen = new String[slots];
        String[] text = new String[slots];
        for (int level = 0; level < LEVELS; level++) {
            Map<String, Integer> sizes = new HashMap<>();
            for (int slot = 0; slot < slots; slot++) {
                if (s.reliable(slot)) {
                    sizes.merge(keys[level][slot], 1, Integer::sum);
                }
            }
            for (int slot = 0; slot < slots; slot++) {
                if (chosen[slot] == null && (level == LEVELS - 1 || sizes.getOrDefault(keys[level][slot], 0) > min)) {
                    chosen[slot] = level + ":" + keys[level][slot];
                    text[slot] = describe(keys[level][slot], level);
                }
            }
        }
        return new ComparisonGroups(chosen, text);
    }

    String key(int slot) {
        return key[slot];
    }

    String description(int slot) {
        return description[slot];
    }

    /** Schools compared together: profile schools with profile schools, special ones with special ones. */
    static String typeClass(SchoolType type) {
        if (type == null) {
            return "тип не указан";
        }
        if (Units.profile(type)) {
            return "лицеи, гимназии, УИОП";
        }
        return type == SchoolType.EVENING || type == SchoolType.CORRECTIONAL ? "вечерние и коррекционные" : "СОШ, ООШ, НОШ, интернаты";
    }

    private static String describe(String key, int level) {
        if (level == LEVELS - 1) {
            return "все ОО региона";
        }
        String[] parts = key.split("\\|");
        StringBuilder sb = new StringBuilder(parts[0]);
        if (parts.length > 1) {
            sb.append(", ").append(parts[1].equals("?") ? "местность не указана" : parts[1]);
        }
        if (parts.length > 2) {
            sb.append(", участников ").append(parts[2]);
        }
        if (parts.length > 3 && !parts[3].equals("?")) {
            sb.append(", социальный контекст: ").append(parts[3]);
        }
        return sb.toString();
    }

    private static double[] sesQuartiles(AnalysisContext ctx) {
        double[] ses = ctx.data.schools().stream().map(sc -> sc.context().sesIndex())
                .filter(v -> v != null).mapToDouble(Double::doubleValue).sorted().toArray();
        if (ses.length < 8) {
            return new double[0];
        }
        return new double[] {ses[ses.length / 4], ses[ses.length / 2], ses[3 * ses.length / 4]};
    }

    private static String sesQuartile(School school, double[] quartiles) {
        Double ses = school.context().sesIndex();
        if (ses == null || quartiles.length == 0) {
            return "?";
        }
        int q = 1 + (int) Arrays.stream(quartiles).filter(b -> ses >= b).count();
        return q + "-я четверть";
    }
}

package ru.msoko.core.demo;

import java.util.EnumMap;
import java.util.Map;

/**
 * A school of the demo region with its hidden truth: quality effect, the manipulation planted in it
 * (at most one per school, so that detection is measured per kind), a genuine improvement.
 */
final class DemoSchool {

    /** Pupils per grade of a tiny school. */
    static final int TINY = 8;
    /** Rise of the effect of a genuinely improving school, logits. */
    static final double IMPROVEMENT = 0.6;

    final int index;
    final String code;
    final String oldLogin;
    final String giaCode;
    final String name;
    final int municipality;
    final String type;
    final boolean city;
    final int pupilsPerGrade;
    private final double effect;
    final double ses;
    final boolean shnor;
    final double nonNative;
    /** The planted manipulation, or null for an honest school. */
    Plant plant;
    /** First year of a genuine improvement of the school (0 = none). */
    int improvedFrom;

    DemoSchool(int index, String name, int municipality, String type, boolean city, int pupilsPerGrade,
               double effect, double ses, boolean shnor, double nonNative) {
        this.index = index;
        this.code = String.format("edu22%04d", 1000 + index);
        this.oldLogin = String.format("sch22%04d", 1000 + index);
        this.giaCode = String.format("22%04d", 1000 + index);
        this.name = name;
        this.municipality = municipality;
        this.type = type;
        this.city = city;
        this.pupilsPerGrade = pupilsPerGrade;
        this.effect = effect;
        this.ses = ses;
        this.shnor = shnor;
        this.nonNative = nonNative;
    }

    /** Genuine quality effect on the logit scale in the year: the true level ОГЭ/ЕГЭ confirm. */
    double effect(int year) {
        return effect + (improvedFrom != 0 && year >= improvedFrom ? IMPROVEMENT : 0);
    }

    boolean manipulates(Manipulation m, int year) {
        return plant != null && plant.kind() == m && year >= plant.from();
    }

    /** The size of manipulation {@code m} in the year, 0 when the school does not do it then. */
    double size(Manipulation m, int year) {
        return manipulates(m, year) ? m.size(plant.strength()) : 0;
    }

    /** The share of manipulation {@code m} in the year, 0 when the school does not do it then. */
    double share(Manipulation m, int year) {
        return manipulates(m, year) ? m.share(plant.strength()) : 0;
    }

    /** The traps this school is, each with the first year it applies. Manipulating schools are no trap. */
    Map<Trap, Integer> traps(int firstYear) {
        Map<Trap, Integer> traps = new EnumMap<>(Trap.class);
        if (plant != null) {
            return traps;
        }
        if (type.equals("гимназия") || type.equals("лицей")) {
            traps.put(Trap.STRONG_GYMNASIUM, firstYear);
        }
        if (pupilsPerGrade <= TINY) {
            traps.put(Trap.TINY_SCHOOL, firstYear);
        }
        if (improvedFrom != 0) {
            traps.put(Trap.REAL_IMPROVEMENT, improvedFrom);
        }
        if (shnor) {
            traps.put(Trap.HONEST_LOW, firstYear);
        }
        return traps;
    }

    boolean teaches(int grade) {
        return switch (type) {
            case "НОШ" -> grade <= 4;
            case "ООШ" -> grade <= 9;
            case "вечерняя" -> grade >= 9;
            default -> true;
        };
    }

    int pupils() {
        int grades = 0;
        for (int g = 1; g <= 11; g++) {
            grades += teaches(g) ? 1 : 0;
        }
        return pupilsPerGrade * grades;
    }
}

package ru.msoko.core.demo;

import java.util.EnumMap;
import java.util.Map;

/** A school of the demo region with its hidden truth: quality effect and planted manipulations (by first year). */
final class DemoSchool {

    final int index;
    final String code;
    final String oldLogin;
    final String giaCode;
    final String name;
    final int municipality;
    final String type;
    final boolean city;
    final int pupilsPerGrade;
    final double effect;
    final double ses;
    final boolean shnor;
    final double nonNative;
    /** Manipulation → first year it happens (it goes on from then). */
    final Map<Manipulation, Integer> planted = new EnumMap<>(Manipulation.class);

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

    boolean manipulates(Manipulation m, int year) {
        Integer from = planted.get(m);
        return from != null && year >= from;
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

package ru.msoko.core.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invents the municipalities and schools of the demo region, plants manipulations in some ordinary
 * schools and a genuine improvement in a few honest ones.
 */
final class SchoolFactory {

    static final String[] MUNICIPALITIES = {"Городской округ Северск-на-Оби", "Каменский муниципальный район",
            "Берёзовский муниципальный округ", "Заречный муниципальный район", "Городской округ Лесогорск",
            "Ключевской муниципальный район", "Сосновский муниципальный округ", "Приозёрный муниципальный район",
            "Степной муниципальный район", "Горный муниципальный округ"};
    private static final String[] VILLAGES = {"Берёзовка", "Сосновка", "Ключи", "Заречье", "Луговое", "Каменка",
            "Озёрки", "Покровка", "Ивановка", "Раздолье", "Ясная Поляна", "Кедровка", "Рождественка", "Михайловка"};

    private final DemoSettings settings;
    private final SplittableRandom random;

    SchoolFactory(DemoSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    static String municipalityName(int i) {
        return i < MUNICIPALITIES.length ? MUNICIPALITIES[i] : "Муниципальный район № " + (i + 1);
    }

    static String municipalityCode(int i) {
        return String.format("M%02d", i + 1);
    }

    List<DemoSchool> create() {
        List<DemoSchool> schools = new ArrayList<>();
        for (int i = 0; i < settings.schools(); i++) {
            schools.add(school(i));
        }
        plant(schools);
        return schools;
    }

    private DemoSchool school(int i) {
        int municipality = i % settings.municipalities();
        boolean cityDistrict = municipality == 0 || municipality == 4;
        boolean city = cityDistrict || random.nextDouble() < 0.2;
        double r = random.nextDouble();
        String type;
        if (city) {
            type = r < 0.12 ? "гимназия" : r < 0.2 ? "лицей" : r < 0.28 ? "СОШ с УИОП" : r < 0.32 ? "вечерняя"
                    : r < 0.36 ? "коррекционная" : "СОШ";
        } else {
            type = r < 0.25 ? "ООШ" : r < 0.32 ? "НОШ" : r < 0.36 ? "интернат" : "СОШ";
        }
        int perGrade = city ? 40 + random.nextInt(80) : 2 + random.nextInt(26);
        double ses = clamp((city ? 0.25 : 0.6) + random.nextGaussian() * 0.15, 0, 1);
        double effect = random.nextGaussian() * 0.25 - (ses - 0.4) * 0.8
                + switch (type) {
                    case "гимназия", "лицей" -> 1.0;
                    case "СОШ с УИОП" -> 0.4;
                    case "вечерняя", "коррекционная" -> -0.8;
                    default -> 0.0;
                };
        boolean shnor = effect < -0.45;
        double nonNative = random.nextDouble() < 0.08 ? 0.1 + random.nextDouble() * 0.5 : 0.0;
        return new DemoSchool(i, name(i, type, city, municipality), municipality, type, city, perGrade, effect, ses,
                shnor, round2(nonNative));
    }

    private String name(int i, String type, boolean city, int municipality) {
        String place = VILLAGES[i % VILLAGES.length];
        String form = type.equals("гимназия") || type.equals("лицей") ? "МАОУ" : city ? "МБОУ" : "МКОУ";
        String number = String.valueOf(1 + i / settings.municipalities());
        return switch (type) {
            case "гимназия" -> form + " \"Гимназия № " + number + "\"";
            case "лицей" -> form + " \"Лицей № " + number + "\"";
            case "СОШ с УИОП" -> form + " \"СОШ № " + number + " с углублённым изучением отдельных предметов\"";
            case "вечерняя" -> form + " \"Вечерняя (сменная) школа № " + number + "\"";
            case "коррекционная" -> "ГКОУ \"Специальная (коррекционная) школа № " + number + "\"";
            case "интернат" -> "МКОУ \"" + adjective(place) + " школа-интернат\"";
            case "ООШ" -> form + " \"" + adjective(place) + " ООШ\"";
            case "НОШ" -> form + " \"" + adjective(place) + " НОШ\"";
            default -> city ? form + " \"СОШ № " + number + "\"" : form + " \"" + adjective(place) + " СОШ\"";
        };
    }

    private static String adjective(String place) {
        String base = place.split(" ")[0];
        if (base.endsWith("ка")) {
            return base.substring(0, base.length() - 2) + "ская";
        }
        if (base.endsWith("е") || base.endsWith("и") || base.endsWith("ье")) {
            return base.substring(0, base.length() - 1) + "ская";
        }
        return base + "ская";
    }

    /**
     * Plants one manipulation in each of {@code manipulating × schools} schools (at least one of every
     * kind), visiting the schools in a seeded random order. Slot k gets kind k mod 9 and a strength that
     * rotates so that every 27 slots hold every kind × strength once; every other slot starts a year later.
     * Only ordinary schools with 15 or more pupils per grade manipulate: gymnasiums, lyceums and tiny
     * schools stay honest, they are the traps. Then a few honest ordinary schools improve genuinely.
     */
    private void plant(List<DemoSchool> schools) {
        List<DemoSchool> order = shuffled(schools);
        Manipulation[] kinds = Manipulation.values();
        Strength[] strengths = Strength.values();
        int lastYear = settings.firstYear() + settings.years() - 1;
        int target = Math.max(kinds.length, (int) Math.round(schools.size() * settings.manipulating()));
        for (int k = 0; k < target; k++) {
            Manipulation kind = kinds[k % kinds.length];
            Strength strength = strengths[(k + k / kinds.length) % strengths.length];
            int latest = kind == Manipulation.COHORT_INFLATED ? lastYear - 1 : lastYear;
            int from = Math.max(settings.firstYear(), Math.min(latest, settings.firstYear() + k % 2));
            for (DemoSchool s : order) {
                if (fits(kind, s)) {
                    s.plant = new Plant(kind, strength, from);
                    break;
                }
            }
        }
        int improving = Math.max(2, schools.size() / 60);
        for (DemoSchool s : order) {
            if (improving > 0 && settings.years() > 1 && s.plant == null && s.type.equals("СОШ") && !s.shnor
                    && s.pupilsPerGrade >= 15) {
                s.improvedFrom = settings.firstYear() + 1;
                improving--;
            }
        }
    }

    /**
     * Whether a still honest school can carry the kind realistically: ordinary schools big enough to
     * see it, with the grades it needs; ВПР inflation not confirmed by ГИА and hints happen in schools
     * that are not strong (the profile schools are exempt from A.1); medal candidates need a big grade 11.
     */
    private boolean fits(Manipulation kind, DemoSchool s) {
        boolean ordinary = switch (s.type) {
            case "СОШ", "СОШ с УИОП", "ООШ", "интернат" -> true;
            default -> false;
        };
        if (s.plant != null || !ordinary || s.pupilsPerGrade < 15) {
            return false;
        }
        boolean weak = s.effect(settings.firstYear()) <= 0.1;
        return switch (kind) {
            case INFLATED_NOT_CONFIRMED -> weak && s.teaches(9) && !s.type.equals("СОШ с УИОП");
            case HINTS -> weak;
            case SCHOOL_EXAM_INFLATED -> s.teaches(9);
            case MEDAL_INFLATED -> s.teaches(11) && s.pupilsPerGrade >= 30;
            default -> true;
        };
    }

    private List<DemoSchool> shuffled(List<DemoSchool> schools) {
        List<DemoSchool> order = new ArrayList<>(schools);
        for (int i = order.size() - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        return order;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

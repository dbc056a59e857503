package ru.msoko.core.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Invents the municipalities and schools of the demo region and plants manipulations in a few schools. */
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
        int perGrade = city ? 40 + random.nextInt(80) : 3 + random.nextInt(25);
        double ses = clamp((city ? 0.25 : 0.6) + random.nextGaussian() * 0.15, 0, 1);
        double effect = random.nextGaussian() * 0.25 - (ses - 0.4) * 0.8
                + switch (type) {
                    case "гимназия", "лицей" -> 0.8;
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
     * About one school in fourteen manipulates; kinds rotate so each appears. Gymnasiums and lyceums
     * (strong and honest) and very small schools stay honest: they are the traps a detector must not fall into.
     */
    private void plant(List<DemoSchool> schools) {
        Manipulation[] kinds = Manipulation.values();
        int k = 0;
        int target = Math.max(kinds.length, schools.size() / 14);
        for (int i = 7; i < schools.size() && k < target; i += 11) {
            DemoSchool s = schools.get(i);
            if (s.type.equals("гимназия") || s.type.equals("лицей") || s.pupilsPerGrade < 15 || !s.teaches(11)) {
                continue;
            }
            Manipulation m = kinds[k % kinds.length];
            s.planted.put(m, settings.firstYear() + (k % 3 == 2 ? 1 : 0));
            if (m == Manipulation.LENIENT_MARKING && k % 2 == 0) {
                s.planted.put(Manipulation.JOURNAL_INFLATED, settings.firstYear());
            }
            k++;
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

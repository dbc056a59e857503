package ru.msoko.core.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A municipal education authority and its territory. */
public record Municipality(String code, String name) {

    private static final Pattern CITY = Pattern.compile("^(г\\.|г |гор\\.|город )\\s*");
    private static final Pattern DISTRICT = Pattern.compile("\\s(р-н|р\\-он)$");
    private static final Pattern MUNICIPAL = Pattern.compile("\\sмуниципальный(?=\\s(район|округ)$)");

    public Municipality {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The same territory under the spellings files use: «г. Алейск» and «город Алейск», «Алейский район»,
     * «Алейский р-н» and «Алейский муниципальный район» (the ФИС ОКО login list and the 2021 export differ so).
     */
    public static String nameKey(String name) {
        String s = name.replace('\u00A0', ' ').trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
        s = CITY.matcher(s).replaceFirst("город ");
        s = DISTRICT.matcher(s).replaceFirst(" район");
        return MUNICIPAL.matcher(s).replaceFirst("");
    }
}

package ru.msoko.core.objectivity;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version of the analysis parameters. Immutable: a run stores the settings it used (and the
 * method version), so its numbers can be reproduced whatever is configured later.
 */
public final class ObjectivitySettings {

    /** Changes whenever a rule's computation changes, so that stored runs say which rules made them. */
    public static final String METHOD_VERSION = "2026.12.1";

    private final EnumMap<Parameter, Double> values;

    private ObjectivitySettings(EnumMap<Parameter, Double> values) {
        this.values = values;
    }

    public static ObjectivitySettings defaults() {
        EnumMap<Parameter, Double> v = new EnumMap<>(Parameter.class);
        for (Parameter p : Parameter.values()) {
            v.put(p, p.defaultValue());
        }
        return new ObjectivitySettings(v);
    }

    public double get(Parameter p) {
        return values.get(p);
    }

    int getInt(Parameter p) {
        return (int) Math.round(values.get(p));
    }

    public ObjectivitySettings with(Parameter p, double value) {
        EnumMap<Parameter, Double> v = new EnumMap<>(values);
        v.put(p, value);
        return new ObjectivitySettings(v);
    }

    /**
     * Applies {@code key=value} overrides.
     *
     * @throws IllegalArgumentException naming the unknown key or the unreadable value
     */
    public ObjectivitySettings with(Map<String, String> overrides) {
        ObjectivitySettings s = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            Parameter p = byKey(e.getKey());
            try {
                s = s.with(p, Double.parseDouble(e.getValue().trim().replace(',', '.')));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("параметр «" + e.getKey() + "»: «" + e.getValue() + "» — не число");
            }
        }
        return s;
    }

    static Parameter byKey(String key) {
        for (Parameter p : Parameter.values()) {
            if (p.key().equals(key.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("неизвестный параметр «" + key + "»");
    }

    /** All values by key, in declaration order: what a run stores. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        values.forEach((p, v) -> m.put(p.key(), v));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectivitySettings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}

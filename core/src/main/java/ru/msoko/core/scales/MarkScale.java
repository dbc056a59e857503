package ru.msoko.core.scales;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;

/**
 * The conversion of a work's primary score into a mark, as published for one procedure, year, subject,
 * grade and (for ГВЭ) variant: consecutive bands from 0 to the maximum, one per mark. A scale with
 * overlapping or missing scores cannot be built (the official ВПР 2021 geography-8 scale has an overlap).
 *
 * @param variant the variant (letter or number) the scale is for; empty = every variant
 * @param source where the numbers come from (document, file), for tracing
 * @param note corrections applied and other remarks
 */
public record MarkScale(ProcedureKind kind, int year, String subjectCode, int grade, String variant, List<Band> bands,
                        String source, String note) {

    /** Primary scores {@code from}–{@code to} (inclusive) give {@code mark}. */
    public record Band(int mark, int from, int to) {
        @Override
        public String toString() {
            return "«" + mark + "» (" + from + "–" + to + ")";
        }
    }

    /** One thing wrong with the bands, with the mark whose band shows it. */
    public record BandProblem(int mark, String message) {
    }

    public MarkScale {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectCode, "subjectCode");
        variant = variant == null ? "" : variant.trim();
        bands = sorted(bands);
        List<BandProblem> problems = check(bands);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).message());
        }
    }

    public Procedure.Key key() {
        return new Procedure.Key(kind, year, subjectCode, grade);
    }

    public int maxPrimary() {
        return bands.get(bands.size() - 1).to();
    }

    /** The mark of a primary score (a fractional score counts by its whole part); empty above the maximum. */
    public OptionalInt mark(double primary) {
        int score = (int) Math.floor(primary);
        for (Band b : bands) {
            if (score >= b.from() && score <= b.to()) {
                return OptionalInt.of(b.mark());
            }
        }
        return OptionalInt.empty();
    }

    /** Everything wrong with a set of bands, in Russian, each naming its band; empty when the bands form a scale. */
    public static List<BandProblem> check(List<Band> bands) {
        List<Band> list = sorted(bands);
        List<BandProblem> out = new ArrayList<>();
        if (list.isEmpty()) {
            out.add(new BandProblem(0, "в шкале нет ни одной отметки"));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            Band b = list.get(i);
            if (b.from() < 0 || b.from() > b.to()) {
                out.add(new BandProblem(b.mark(), "отметка " + b + ": начало больше конца или меньше нуля"));
            } else if (i > 0 && list.get(i - 1).mark() == b.mark()) {
                out.add(new BandProblem(b.mark(), "отметка «" + b.mark() + "» указана дважды"));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        if (list.get(0).from() > 0) {
            out.add(new BandProblem(list.get(0).mark(), "баллы " + range(0, list.get(0).from() - 1)
                    + " не получают отметки: отметка " + list.get(0) + " начинается не с 0"));
        }
        for (int i = 1; i < list.size(); i++) {
            Band lower = list.get(i - 1);
            Band upper = list.get(i);
            if (upper.from() <= lower.to()) {
                out.add(new BandProblem(upper.mark(), "отметка " + upper + " пересекается с отметкой " + lower
                        + (upper.from() == lower.to() ? " на балле " : " на баллах ")
                        + range(upper.from(), Math.min(lower.to(), upper.to()))));
            } else if (upper.from() > lower.to() + 1) {
                int gap = upper.from() - lower.to() - 1;
                out.add(new BandProblem(upper.mark(), "между отметкой " + lower + " и отметкой " + upper
                        + (gap == 1 ? " пропущен балл " : " пропущены баллы ") + range(lower.to() + 1, upper.from() - 1)));
            }
        }
        return out;
    }

    private static String range(int from, int to) {
        return from == to ? String.valueOf(from) : from + "–" + to;
    }

    private static List<Band> sorted(List<Band> bands) {
        List<Band> list = new ArrayList<>(bands);
        list.sort(Comparator.comparingInt(Band::mark));
        return List.copyOf(list);
    }
}

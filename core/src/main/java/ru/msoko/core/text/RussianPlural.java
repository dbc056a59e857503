package ru.msoko.core.text;

/** The Russian plural form for a count: «1 школа, 2 школы, 5 школ, 11 школ, 21 школа». */
public final class RussianPlural {

    private RussianPlural() {
    }

    public static String of(long n, String one, String few, String many) {
        long mod100 = Math.abs(n) % 100;
        long mod10 = mod100 % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return many;
        }
        if (mod10 == 1) {
            return one;
        }
        return mod10 >= 2 && mod10 <= 4 ? few : many;
    }
}

package ru.msoko.core.domain;

/**
 * Context of a school used to form fair comparison groups. Any field may be unknown ({@code null}).
 *
 * @param sesIndex social context 0–1, higher = more disadvantaged (ИСБШ-like)
 * @param lowResults school with low educational results (ШНОР)
 * @param nonNativeShare share of pupils for whom Russian is not the native language
 */
public record SchoolContext(Integer pupils, Integer teachers, Double sesIndex, Boolean lowResults, Double nonNativeShare) {
    public static SchoolContext unknown() {
        return new SchoolContext(null, null, null, null, null);
    }
}

package ru.msoko.core.objectivity;

import java.util.List;

/** One method of methods.md: tests every school and unit of a year and returns every test's outcome. */
interface Rule {

    List<Finding> apply(AnalysisContext ctx, int year);
}

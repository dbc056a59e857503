package ru.msoko.core.context;

import java.util.Map;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;

/**
 * What one school answered in the ФИС ОКО context form of one year: the fields the analysis uses, and every
 * answered question as written (question → answer) so that nothing is lost. Any typed field may be unknown.
 *
 * @param sheet the sheet (and row) where the school's answers start
 * @param login the ФИС ОКО login as in the file, trimmed and in lower case ({@code sch220001}, {@code edu220001})
 * @param loginColumn the header of the login column («логин», «Пользователь»), for messages
 * @param year the year of the ВПР the form was collected for: the second year of «2020/2021 учебный год»
 * @param municipalityCode the code of a «reg22_m056 | Целинный муниципальный район» cell, or {@code null}
 * @param ovzShare share (0–1) of pupils taught by adapted programmes (АОП, ОВЗ, disability) in the birth-year
 *                 cohorts the form asks about
 * @param nonNativeShare share (0–1) of pupils for whom Russian is not native, when the form asks it
 * @param answers question → answer for every non-empty cell except the login and personal data (names,
 *                phones, e-mail, ИНН), in column order
 */
public record ContextRow(String sheet, long row, String login, String loginColumn, int year, String name, String municipalityCode,
                         String municipalityName, Integer pupils, Integer teachers, Settlement settlement,
                         SchoolType schoolType, Double ovzShare, Double nonNativeShare, Map<String, String> answers) {
}

package ru.msoko.core.fisoko;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file's name and folders say about its contents. Real files are named
 * «Проведение работы по математике, 4 класс. ВПР 2021.xlsx» or lie in {@code <year>/<grade>/<subject>.xlsx};
 * a school's own form may carry its login ({@code edu220001}) in the name.
 *
 * @param subject the subject as written (a name in any case, «математике»), resolved later through the directory
 */
public record FileHints(Integer year, Integer grade, String subject, String schoolLogin) {

    public static final FileHints NONE = new FileHints(null, null, null, null);

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");
    private static final Pattern GRADE = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*-?\\s*(?:й|ый|ой)?\\s*класс",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern WORK_SUBJECT = Pattern.compile("работ[аы]\\s+по\\s+([^,.]+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SUBJECT_ONLY = Pattern.compile("[\\p{L} ()]+");
    /** Words of form names that are not the subject: «Форма сбора результатов ВПР». */
    private static final Pattern FORM_WORDS = Pattern.compile("(?iU)\\b(впр|форма|сбора|результатов)\\b");
    private static final Pattern LOGIN = Pattern.compile("(?<![\\p{L}\\d])((?:sch|edu|ksh)\\d{4,})",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param path where the file is (its parent folder may be the grade, the grandparent the year)
     * @param fileName the user's name of the file
     */
    public static FileHints of(Path path, String fileName) {
        String base = fileName.replaceFirst("\\.[^.]+$", "").trim();
        Integer year = number(YEAR, base);
        Integer grade = number(GRADE, base);
        Matcher work = WORK_SUBJECT.matcher(base);
        String rest = FORM_WORDS.matcher(LOGIN.matcher(YEAR.matcher(GRADE.matcher(base).replaceAll(" "))
                .replaceAll(" ")).replaceAll(" ")).replaceAll(" ").replaceAll("[\\s_,.-]+", " ").trim();
        String subject = work.find() ? work.group(1).trim()
                : !rest.isEmpty() && SUBJECT_ONLY.matcher(rest).matches() ? rest : null;
        Matcher login = LOGIN.matcher(base);
        String school = login.find() ? login.group(1).toLowerCase(Locale.ROOT) : null;
        Path parent = path == null ? null : path.toAbsolutePath().getParent();
        if (grade == null && parent != null) {
            grade = folderNumber(parent, 1, 11);
        }
        if (year == null && parent != null && parent.getParent() != null) {
            year = folderNumber(parent.getParent(), 2000, 2100);
        }
        return new FileHints(year, grade != null && grade >= 1 && grade <= 11 ? grade : null, subject, school);
    }

    private static Integer number(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static Integer folderNumber(Path folder, int min, int max) {
        Path name = folder.getFileName();
        if (name == null || !name.toString().matches("\\d{1,4}")) {
            return null;
        }
        int n = Integer.parseInt(name.toString());
        return n >= min && n <= max ? n : null;
    }
}

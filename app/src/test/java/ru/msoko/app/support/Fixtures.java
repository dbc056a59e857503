package ru.msoko.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small hand-made input files whose every number is known. */
public final class Fixtures {

    public static final String SCHOOLS = """
            school_code;name;municipality_code;municipality_name;aliases;type;settlement;pupils
            edu220001;МБОУ "СОШ № 1";M01;Северский округ;sch220001@-2021|220001;СОШ;город;800
            edu220002;МАОУ "Гимназия № 2";M01;Северский округ;sch220002@-2021;гимназия;город;900
            edu220003;МКОУ "Берёзовская ООШ";M02;Каменский район;sch220003@-2021;ООШ;село;60
            """;

    /** 2 schools, ВПР maths 5 in 2025: 5 present (scores known) and 1 absent. */
    public static final String RESULTS = """
            procedure;year;subject;grade;school_code;participant;class;gender;variant;1 (1б);2 (2б);3 (1б);mark;journal_mark
            ВПР;2025;Математика;5;edu220001;40001;А;м;1;1;2;1;5;5
            ВПР;2025;Математика;5;edu220001;40002;А;ж;2;0;1;X;3;4
            ВПР;2025;Математика;5;edu220001;40003;Б;ж;1;1;1;0;4;4
            ВПР;2025;Математика;5;sch220002;40004;А;м;2;1;2;0;4;5
            ВПР;2025;Математика;5;edu220002;40005;А;м;1;0;0;0;2;3
            ВПР;2025;Математика;5;edu220002;40006;А;ж;отсутствовал;;;;;4
            """;

    private Fixtures() {
    }

    public static Path write(Path dir, String name, String content) {
        return write(dir, name, content, StandardCharsets.UTF_8);
    }

    public static Path write(Path dir, String name, String content, Charset charset) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, content, charset);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

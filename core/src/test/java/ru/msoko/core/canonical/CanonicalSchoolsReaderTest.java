package ru.msoko.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.domain.IdentifierKind;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;

class CanonicalSchoolsReaderTest {

    @TempDir
    Path dir;

    private CanonicalSchoolsReader.Directory read(String content) throws IOException {
        Path f = dir.resolve("schools.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return new CanonicalSchoolsReader().read(f, "schools.csv");
    }

    @Test
    void readsSchoolsMunicipalitiesIdentifiersAndContext() throws IOException {
        var d = read("school_code;name;municipality_code;municipality_name;aliases;type;settlement;pupils;teachers;ses_index;shnor;lang\n"
                + "edu220001;\"МБОУ \"\"СОШ № 1\"\"\";M01;Северский округ;sch220001@-2021|220001;СОШ;город;812;60;0,25;0;0\n"
                + "edu220002;МКОУ Берёзовская ООШ;M02;Каменский район;;ООШ;село;41;9;0.8;1;0.2\n");
        assertThat(d.problems().list()).isEmpty();
        assertThat(d.municipalities()).extracting(m -> m.code() + "=" + m.name())
                .containsExactly("M01=Северский округ", "M02=Каменский район");
        var first = d.schools().get(0);
        assertThat(first.name()).isEqualTo("МБОУ \"СОШ № 1\"");
        assertThat(first.type()).isEqualTo(SchoolType.SOSH);
        assertThat(first.settlement()).isEqualTo(Settlement.CITY);
        assertThat(first.context().sesIndex()).isEqualTo(0.25);
        assertThat(first.identifiers()).extracting(i -> i.kind() + ":" + i.format())
                .containsExactly("FIS_OKO_LOGIN:edu220001", "FIS_OKO_LOGIN:sch220001@-2021", "GIA_CODE:220001");
        assertThat(d.schools().get(1).context().lowResults()).isTrue();
        assertThat(d.schools().get(1).identifiers().get(0).kind()).isEqualTo(IdentifierKind.FIS_OKO_LOGIN);
    }

    @Test
    void reportsBadValuesAndDuplicateCodes() throws IOException {
        var d = read("school_code;name;municipality_code;type;ses_index;aliases\n"
                + "edu1;Школа 1;M01;академия;0.5;\n"
                + "edu2;Школа 2;M01;СОШ;1.5;\n"
                + "edu3;Школа 3;M01;СОШ;0.5;edu1\n"
                + "edu4;;M01;СОШ;0.5;\n");
        assertThat(d.problems().list()).extracting(Problem::describe).containsExactly(
                "schools.csv, строка 2, столбец «type»: «академия»: ожидается тип школы (СОШ, ООШ, НОШ, гимназия, лицей, "
                        + "СОШ с УИОП, вечерняя, коррекционная, интернат)",
                "schools.csv, строка 3, столбец «ses_index»: «1.5» вне диапазона 0–1",
                "schools.csv, строка 4, столбец «aliases»: код «edu1» уже принадлежит школе из строки 2",
                "schools.csv, строка 5, столбец «name»: не указано название школы");
    }
}

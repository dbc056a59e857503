package ru.msoko.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchoolIdentifierTest {

    @Test
    void parsesValidityYearsAndGuessesTheKind() {
        SchoolIdentifier old = SchoolIdentifier.parse("sch220001@2015-2021");
        assertThat(old.kind()).isEqualTo(IdentifierKind.FIS_OKO_LOGIN);
        assertThat(old.validIn(2021)).isTrue();
        assertThat(old.validIn(2022)).isFalse();
        assertThat(SchoolIdentifier.parse("edu220001@2022-").validIn(2030)).isTrue();
        assertThat(SchoolIdentifier.parse("1022200001234").kind()).isEqualTo(IdentifierKind.OGRN);
        assertThat(SchoolIdentifier.parse("220123").kind()).isEqualTo(IdentifierKind.GIA_CODE);
        assertThat(SchoolIdentifier.parse("Школа №3").kind()).isEqualTo(IdentifierKind.ALIAS);
    }

    @Test
    void explainsWhatIsWrongWithTheYears() {
        assertThatThrownBy(() -> SchoolIdentifier.parse("sch1@2021-2015")).hasMessageContaining("больше");
        assertThatThrownBy(() -> SchoolIdentifier.parse("sch1@двадцать-")).hasMessageContaining("не похоже на год");
        assertThatThrownBy(() -> SchoolIdentifier.parse("sch1@2020")).hasMessageContaining("код@год-год");
    }

    @Test
    void formatRoundTrips() {
        assertThat(SchoolIdentifier.parse("sch220001@-2021").format()).isEqualTo("sch220001@-2021");
        assertThat(SchoolIdentifier.parse("220123").format()).isEqualTo("220123");
    }
}

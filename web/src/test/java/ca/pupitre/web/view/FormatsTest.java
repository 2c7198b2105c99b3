package ca.pupitre.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void moneyAsQuebecAndEnglishCanadaWriteIt() {
        assertThat(Formats.money("38.00", "fr")).isEqualTo("38,00\u00a0$");
        assertThat(Formats.money("38.00", "en")).isEqualTo("$38.00");
        assertThat(Formats.money("1234.5", "en")).isEqualTo("$1,234.50");
        assertThat(Formats.money("1234.5", "fr")).matches("1.234,50\u00a0\\$");
        assertThat(Formats.money((String) null, "fr")).isEmpty();
    }

    @Test
    void datesAreReadInQuebecsTimeZone() {
        // 03:30 UTC on December 2 is still December 1 in Montréal
        Instant lateEvening = Instant.parse("2026-12-02T03:30:00Z");
        assertThat(Formats.date(lateEvening, "fr")).isEqualTo("1 décembre 2026");
        assertThat(Formats.date(lateEvening, "en")).isEqualTo("December 1, 2026");
    }

    @Test
    void turnaroundsAndNames() {
        assertThat(Formats.turnaround("P2D", "fr")).isEqualTo("2 jours");
        assertThat(Formats.turnaround("PT24H", "en")).isEqualTo("1 day");
        assertThat(Formats.turnaround("PT4H", "fr")).isEqualTo("4 heures");
        assertThat(Formats.turnaround("nonsense", "fr")).isEqualTo("nonsense");
        assertThat(Formats.regionName("06")).isEqualTo("Montréal");
        assertThat(Formats.languageName("en", "fr")).isEqualTo("anglais");
        assertThat(Formats.languageName("fr", "en")).isEqualTo("French");
        assertThat(Formats.excerpt("un  deux\ntrois quatre cinq", 12)).isEqualTo("un deux…");
    }
}

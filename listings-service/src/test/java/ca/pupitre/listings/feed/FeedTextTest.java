package ca.pupitre.listings.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedTextTest {

    @Test
    void masksEmailsAndPhoneNumbersInEitherLanguage() {
        String text = "Écrivez à marie.tremblay@exemple.qc.ca ou au (514) 555-1234, sinon +1 418.555.9876 ou 8195551212.";
        assertThat(FeedText.plain(text, Lang.FR))
                .doesNotContain("marie.tremblay", "555-1234", "555.9876", "8195551212")
                .contains("[courriel masqué]", "[téléphone masqué]");
        assertThat(FeedText.plain(text, Lang.EN)).contains("[e-mail hidden]", "[phone hidden]");
    }

    @Test
    void keepsOrdinaryNumbersAndEscapesHtml() {
        assertThat(FeedText.plain("20 h par semaine, 38,00 $ de l'heure, 2026", Lang.FR))
                .isEqualTo("20 h par semaine, 38,00 $ de l'heure, 2026");
        assertThat(FeedText.html("<script>alert(1)</script>\nA & B", Lang.FR))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;<br>A &amp; B");
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        assertThat(FeedText.plain("a\u0001b\uFFFEc", Lang.FR)).isEqualTo("abc");
    }

    @Test
    void namesQuebecRegions() {
        assertThat(FeedText.regionName("06")).isEqualTo("Montréal");
        assertThat(FeedText.regionName("17")).isEqualTo("Centre-du-Québec");
        assertThat(FeedText.regionName("18")).isNull();
    }

    @Test
    void picksTheAskedLanguageAndFallsBack() {
        assertThat(Lang.EN.pick("Bonjour", "Hello")).isEqualTo("Hello");
        assertThat(Lang.EN.pick("Bonjour", null)).isEqualTo("Bonjour");
        assertThat(Lang.EN.used("Bonjour", null)).isEqualTo(Lang.FR);
        assertThat(Lang.parse(null)).isEqualTo(Lang.FR);
        assertThat(Lang.parse("EN")).isEqualTo(Lang.EN);
        assertThat(Lang.parse("de")).isNull();
    }

    @Test
    void formatsAmountsTheCanadianWayInEachLanguage() {
        assertThat(JobsXmlWriter.amount(new java.math.BigDecimal("1200.5"), Lang.FR)).isEqualTo("1\u00A0200,50");
        assertThat(JobsXmlWriter.amount(new java.math.BigDecimal("1234567.00"), Lang.EN)).isEqualTo("1,234,567.00");
        assertThat(JobsXmlWriter.amount(new java.math.BigDecimal("38.00"), Lang.FR)).isEqualTo("38,00");
        assertThat(JobsXmlWriter.amount(new java.math.BigDecimal("999"), Lang.EN)).isEqualTo("999.00");
    }
}

package ca.pupitre.listings.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void escapesEveryTagAndQuote() {
        assertThat(HtmlText.escape("<img src=x onerror=\"alert(1)\">&'"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;");
    }

    @Test
    void keepsLineBreaksAsBr() {
        assertThat(HtmlText.escape("Ligne 1\r\nLigne 2")).isEqualTo("Ligne 1<br>Ligne 2");
        assertThat(HtmlText.escape(null)).isNull();
    }

    @Test
    void plainTextComesBackAsIsAndEscapingStartsWhereNeeded() {
        String plain = "Tenue de livres, états financiers : 38 $ / h";
        assertThat(HtmlText.escape(plain)).isSameAs(plain);
        assertThat(HtmlText.escape("Prix < 40 $")).isEqualTo("Prix &lt; 40 $");
        assertThat(HtmlText.escape("fin\n")).isEqualTo("fin<br>");
        assertThat(HtmlText.escape("")).isEmpty();
    }
}

package ca.pupitre.listings.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The analysis chains, token by token: what a listing's words and a query's words become. */
class ChainsTest {

    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }

    private static SynonymMap synonyms(String rules) throws Exception {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, Chains.synonymKeys());
        parser.parse(new java.io.StringReader(rules));
        return parser.build();
    }

    @Test
    void frenchDropsElisionsAccentsCaseStopWordsAndPlurals() throws IOException {
        Analyzer french = Chains.of(ListingLanguage.FR, null);
        assertThat(tokens(french, "L'Étude des procès-verbaux d'assemblées")).containsExactly("etud", "proc", "verbal", "asembl");
        assertThat(tokens(french, "Télésecrétaire")).isEqualTo(tokens(french, "telesecretaires"));
        assertThat(tokens(french, "factures")).isEqualTo(tokens(french, "FACTURE"));
        assertThat(tokens(french, "traductrices juridiques")).isEqualTo(tokens(french, "traductrice juridique"));
    }

    @Test
    void englishDropsPossessivesCaseStopWordsAndLightEndings() throws IOException {
        Analyzer english = Chains.of(ListingLanguage.EN, null);
        assertThat(tokens(english, "The clinic's dictations")).containsExactly("clinic", "dictation");
        assertThat(tokens(english, "transcribing")).isEqualTo(tokens(english, "transcribe"));
        assertThat(tokens(english, "invoices")).isEqualTo(tokens(english, "invoice"));
    }

    @Test
    void stopWordsOfBothLanguagesGoEverywhere() throws IOException {
        assertThat(tokens(Chains.of(ListingLanguage.EN, null), "pour la clinique")).containsExactly("clinique");
        assertThat(tokens(Chains.of(ListingLanguage.FR, null), "for the clinic")).containsExactly("clinic");
    }

    @Test
    void queryChainExpandsMultiWordSynonymsAndDropsFillerWords() throws Exception {
        SynonymMap map = synonyms("tenue de livres, bookkeeping\n");
        Analyzer query = Chains.of(ListingLanguage.FR, map);
        // each name as the French index chain stems it ("bookkeeping" → "bokeping" there too)
        List<String> expected = new ArrayList<>(tokens(Chains.of(ListingLanguage.FR, null), "bookkeeping tenue de livres"));
        assertThat(tokens(query, "bookkeeping")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(tokens(query, "Tenue de livres")).containsExactlyInAnyOrderElementsOf(expected).doesNotContain("de");
        assertThat(tokens(query, "besoin de quelqu'un")).isEmpty();
        // filler words stay in indexed text
        assertThat(tokens(Chains.of(ListingLanguage.FR, null), "besoin")).containsExactly("besoin");
    }

    @Test
    void synonymRulesAreReadWithTheChainsOwnNormalization() throws Exception {
        SynonymMap map = synonyms("Relevé 1, RL-1\n");
        assertThat(tokens(Chains.of(ListingLanguage.EN, map), "releve 1")).contains("rl", "1");
    }

    @Test
    void spellingKeepsWordsAsWritten() throws IOException {
        assertThat(tokens(Chains.spelling(), "L'Étude Comptable")).containsExactly("étude", "comptable");
    }
}

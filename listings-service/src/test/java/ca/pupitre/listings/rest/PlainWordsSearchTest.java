package ca.pupitre.listings.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.ListingsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search as people type: plain-language requests, the other language, typos, type-ahead and "did you
 * mean", and any text at all without a failure. (Ranking quality is measured by the judged set in
 * relevance/, not asserted here one query at a time.)
 */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class PlainWordsSearchTest {

    private static JsonPath search(Map<String, ?> params) {
        return Api.anonymous().queryParams(params).get("/api/v1/listings").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(String q) {
        return search(Map.of("q", q, "limit", 100)).getList("items.id");
    }

    private static String offer(Map<String, Object> title, Map<String, Object> description, List<String> skills) {
        Map<String, Object> body = Api.body(null, null, skills, Map.of("title", title));
        body.put("description", description);
        return Api.publish(Api.secretary(), body);
    }

    @Test
    void aPlainLanguageRequestFindsTheOffersThatAnswerIt() {
        String books = offer(Map.of("fr", "Tenue de livres pour petites entreprises"),
                Map.of("fr", "Je m'occupe de la comptabilité des PME : écritures, conciliations bancaires, TPS et TVQ."),
                List.of("bookkeeping"));
        String unrelated = offer(Map.of("fr", "Réception d'appels pour cliniques dentaires"),
                Map.of("fr", "Prise de rendez-vous et rappels aux patients."), List.of("calendar"));
        List<String> found = ids("j'ai besoin d'aide pour la comptabilité de ma petite entreprise");
        assertThat(found).contains(books).doesNotContain(unrelated);
    }

    @Test
    void anEnglishRequestFindsAFrenchOnlyOffer() {
        String french = offer(Map.of("fr", "Transcription médicale de dictées"),
                Map.of("fr", "Transcription de dictées de médecins pour cliniques et GMF, remise en 24 h."),
                List.of("medical", "transcription"));
        assertThat(ids("need someone to transcribe dictation for our clinic")).contains(french);
    }

    @Test
    void aLongerRequestRanksTheListingsMatchingMoreOfItFirst() {
        String word = Api.word();
        String partly = offer(Map.of("fr", "Traduction médicale " + word), Map.of("fr", "Rapports médicaux, anglais vers français."),
                List.of("translation"));
        String exactly = offer(Map.of("fr", "Traduction juridique " + word),
                Map.of("fr", "Traduction de documents juridiques de l'anglais au français : contrats, jugements."),
                List.of("translation", "legal"));
        List<String> found = search(Map.of("q", "traduction de documents juridiques anglais français " + word)).getList("items.id");
        assertThat(found).containsSubsequence(exactly, partly);
    }

    @Test
    void aTranspositionIsOneTypoAndRanksBelowTheExactWord() {
        String word = Api.word();
        String exact = offer(Map.of("fr", "Facturation mensuelle " + word), Map.of("fr", "Factures et relances."),
                List.of("invoicing"));
        assertThat(ids("factruation")).contains(exact);
        // one letter changed (never the same letter: the random word may end in "q" itself)
        String close = offer(Map.of("fr", "Facturations " + word.substring(0, 9) + (word.endsWith("q") ? "w" : "q")), Map.of("fr", "Relances."),
                List.of("invoicing"));
        List<String> ranked = search(Map.of("q", word)).getList("items.id");
        assertThat(ranked).startsWith(exact);
        assertThat(close).isNotNull();
    }

    @Test
    void hyphenatedWordsAreFoundWrittenEitherWay() {
        String word = Api.word();
        String hyphenated = offer(Map.of("en", "E-commerce customer support " + word), Map.of("en", "Orders and returns."),
                List.of("customer-service"));
        String joined = offer(Map.of("en", "Bookkeeping for small businesses " + word), Map.of("en", "Monthly books."),
                List.of("bookkeeping"));
        assertThat(ids("ecommerce " + word)).contains(hyphenated);
        assertThat(ids("e-commerce " + word)).contains(hyphenated);
        assertThat(ids("book-keeping " + word)).contains(joined);
    }

    @Test
    void aTaskNamedInTheClientsOwnWordsFindsTheTradesName() {
        String word = Api.word();
        String reception = offer(Map.of("fr", "Réception d'appels pour entrepreneurs " + word), Map.of("fr", "Vos clients parlent à une personne."),
                List.of("customer-service"));
        // a long request: the named task counts for two of its words, so the rest need not match
        assertThat(ids("je cherche quelqu'un pour répondre au téléphone quand je suis sur les chantiers")).contains(reception);
        assertThat(ids("need someone to answer the phone while I am on site")).contains(reception);
    }

    @Test
    void aSingleWordWithAMultiWordSynonymStillNeedsTheOtherWords() {
        String word = Api.word();
        String both = offer(Map.of("fr", "Tenue de livres à " + word), Map.of("fr", "Comptes fournisseurs."), List.of("bookkeeping"));
        String placeOnly = offer(Map.of("fr", "Réception d'appels à " + word), Map.of("fr", "Accueil."), List.of("customer-service"));
        // "bookkeeping" finds "tenue de livres", but the listing must still have the request's other word
        assertThat(ids("bookkeeping " + word)).contains(both).doesNotContain(placeOnly);
        // naming a task in several words is enough on its own: the place then only ranks
        assertThat(ids("répondre au téléphone " + word)).contains(placeOnly);
    }

    @Test
    void aTextThatFindsAlmostNothingGetsADidYouMean() {
        String word = Api.word();
        offer(Map.of("fr", "Calligraphie et xylographie " + word), Map.of("fr", "Faire-part et menus."), List.of("layout"));
        JsonPath page = search(Map.of("q", "xylograhpie"));
        assertThat(page.getString("didYouMean")).isEqualTo("xylographie");
        // a search that finds plenty has none
        assertThat(search(Map.of("q", "traduction")).getString("didYouMean")).isNull();
    }

    @Test
    void typeAheadCompletesSkillsWithoutCaringForAccentsOrCase() {
        assertThat(suggest("compt", "fr")).anyMatch(s -> s.toLowerCase().startsWith("compt"));
        assertThat(suggest("ETATS", "fr")).contains("États financiers");
        assertThat(suggest("book", "en")).contains("Bookkeeping");
        assertThat(suggest("", "fr")).isEmpty();
        Api.anonymous().queryParam("q", "compt").queryParam("lang", "de").get("/api/v1/listings/suggest").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_PARAMETER"));
        Api.anonymous().queryParam("q", "x".repeat(61)).get("/api/v1/listings/suggest").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void typeAheadOffersPhrasesThatRecurInTitles() {
        String word = Api.word();
        offer(Map.of("fr", "Gestion " + word + " de dossiers"), Map.of("fr", "Un."), List.of("word"));
        offer(Map.of("fr", "Gestion " + word + " pour notaires"), Map.of("fr", "Deux."), List.of("word"));
        Api.anonymous().queryParam("q", "x").get("/api/v1/listings/suggest").then().statusCode(200);
        // phrases are recounted by the scheduled rebuild; this test triggers it directly through the index
        io.quarkus.arc.Arc.container().instance(ca.pupitre.listings.search.ListingIndex.class).get().rebuildSuggestions();
        assertThat(suggest(word.substring(0, 5), "fr")).contains("gestion " + word);
    }

    private static List<String> suggest(String q, String lang) {
        return Api.anonymous().queryParam("q", q).queryParam("lang", lang).get("/api/v1/listings/suggest").then()
                .statusCode(200).extract().jsonPath().getList("items");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced quote", "*", "?", "title_fr:x~2", "a AND (b OR", "+-&&||!(){}[]^\"~*?:\\/",
            "comptabilit*", "~", "\"\"", "\u202Eﺔﻴﺑﺮﻌﻟﺍ", "שלום עולם", "🧾📊 comptabilité", "\u0001\u0007\u001B",
            "\uD800 lone surrogate", "NOT", "OR OR OR", "x~", "/regex.*/"})
    void anyTextGetsANormalAnswer(String q) {
        Api.anonymous().queryParam("q", q).get("/api/v1/listings").then().statusCode(200);
        Api.anonymous().queryParam("q", q).get("/api/v1/listings/suggest").then().statusCode(200);
    }

    @Test
    void aTenThousandCharacterQueryIsA400Problem() {
        Api.anonymous().queryParam("q", "comptabilité ".repeat(800)).get("/api/v1/listings").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_PARAMETER"));
    }
}

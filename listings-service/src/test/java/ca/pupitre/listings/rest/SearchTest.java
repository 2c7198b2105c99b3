package ca.pupitre.listings.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.listings.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class SearchTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static List<String> ids(String q) {
        return search(Map.of("q", q, "limit", 100)).getList("items.id");
    }

    private static JsonPath search(Map<String, ?> params) {
        return Api.anonymous().queryParams(params).get("/api/v1/listings").then().statusCode(200).extract().jsonPath();
    }

    private static String offer(Map<String, Object> title, Map<String, Object> description, List<String> skills) {
        Map<String, Object> body = Api.body(null, null, skills, Map.of("title", title));
        if (description != null) {
            body.put("description", description);
        }
        return Api.publish(Api.secretary(), body);
    }

    @Test
    void aPersonsListingsAreFoundByOwnerButNeverAnAnonymousRequest() {
        Api.Person josee = Api.secretary();
        String first = Api.publish(josee, Api.body("Mise en page de rapports", null, List.of("layout"), Map.of()));
        String second = Api.publish(josee, Api.body("Tableaux Excel sur mesure", null, List.of("excel"), Map.of()));
        Api.publish(Api.secretary(), Api.body("Mise en page aussi", null, List.of("layout"), Map.of()));
        Api.Person client = Api.client();
        String named = Api.publish(client, Api.body("Besoin de saisie", null, List.of("data-entry"), Map.of()));
        Api.publish(client, Api.body("Besoin discret de saisie", null, List.of("data-entry"), Map.of("anonymous", true)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(search(Map.of("owner", josee.id().toString())).getList("items.id", String.class))
                        .containsExactlyInAnyOrder(first, second));
        assertThat(search(Map.of("owner", josee.id().toString(), "q", "excel")).getList("items.id", String.class))
                .containsExactly(second);
        // the client's anonymous request cannot be tied to her by searching for her listings
        assertThat(search(Map.of("owner", client.id().toString())).getList("items.id", String.class)).containsExactly(named);
        Api.anonymous().queryParam("owner", "not-an-id").get("/api/v1/listings").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void findsTelesecretaireWithoutAccents() {
        String id = Api.publish(Api.secretary(), Api.EXAMPLE);
        assertThat(ids("telesecretaire")).contains(id);
        assertThat(ids("TÉLÉSECRÉTAIRE")).contains(id);
    }

    @Test
    void findsSingularWithAPluralQuery() {
        String id = offer(Map.of("fr", "Service de traduction juridique"), null, List.of("legal"));
        assertThat(ids("traductions")).contains(id);
        assertThat(ids("traductions juridiques")).contains(id);
    }

    @Test
    void findsHyphenatedMiseEnPage() {
        String id = offer(Map.of("fr", "Mise-en-page de rapports annuels"), null, List.of("word"));
        assertThat(ids("mise en page")).contains(id);
        assertThat(ids("mise en page rapports")).contains(id);
    }

    @Test
    void frenchQueryFindsEnglishOnlyOfferThroughSynonyms() {
        String english = offer(Map.of("en", "Bookkeeping for small businesses"),
                Map.of("en", "Monthly bookkeeping and financial statements for shops."), List.of("invoicing"));
        assertThat(ids("tenue de livres")).contains(english);
        assertThat(ids("états financiers")).contains(english);
        assertThat(ids("etats financiers")).contains(english);
    }

    @Test
    void englishQueryFindsFrenchOnlyOfferThroughSynonyms() {
        String french = offer(Map.of("fr", "Tenue de livres pour PME"),
                Map.of("fr", "Je prépare vos états financiers chaque trimestre."), List.of("invoicing"));
        assertThat(ids("bookkeeping")).contains(french);
        assertThat(ids("financial statements")).contains(french);
    }

    @Test
    void englishQueryFindsEnglishText() {
        String id = offer(Map.of("en", "Medical transcription from recorded dictations"), null, List.of("medical"));
        assertThat(ids("medical transcriptions")).contains(id);
        assertThat(ids("dictation")).contains(id);
    }

    @Test
    void toleratesTypos() {
        String id = Api.publish(Api.secretary(), Api.EXAMPLE);
        assertThat(ids("telesecretiare")).contains(id);
        String books = offer(Map.of("fr", "Commis aux comptes"), null, List.of("bookkeeping"));
        assertThat(ids("comis aux comptes")).contains(books);
        assertThat(ids("bookeeping")).contains(books);
        assertThat(ids("tenue de livers")).contains(books);
    }

    /**
     * The word with its third letter changed. (Not the last one: light stemming rightly reads "…s" and "…x"
     * endings as plurals of one word.)
     */
    private static String typo(String word) {
        return word.substring(0, 2) + (word.charAt(2) == 'x' ? 'b' : 'x') + word.substring(3);
    }

    @Test
    void typoMatchingStaysOffWhenFullTextFindsEnough() {
        String word = Api.word();
        for (int i = 0; i < 10; i++) {
            offer(Map.of("fr", "Pagination " + word + " " + i), null, List.of("word"));
        }
        String typo = offer(Map.of("fr", "Pagination " + typo(word)), null, List.of("word"));
        assertThat(ids(word)).hasSize(10).doesNotContain(typo);
        String rare = Api.word();
        offer(Map.of("fr", "Annonce " + rare), null, List.of("word"));
        assertThat(ids(typo(rare))).hasSize(1);
    }

    @Test
    void anOlderBetterMatchRanksAboveANewerWeakOne() {
        String word = Api.word();
        String strong = offer(Map.of("fr", "Sténographie " + word + " et sténographie judiciaire"),
                Map.of("fr", "Sténographie " + word + " depuis 20 ans ; sténographie en cour."), List.of("legal"));
        clock.advance(Duration.ofDays(3));
        String weak = offer(Map.of("fr", "Adjointe polyvalente " + word),
                Map.of("fr", "Classement, appels et un peu de sténographie à l'occasion."), List.of("calendar"));
        List<String> relevance = search(Map.of("q", "sténographie " + word)).getList("items.id");
        assertThat(relevance).containsExactly(strong, weak);
        List<String> newest = search(Map.of("q", "sténographie " + word, "sort", "newest")).getList("items.id");
        assertThat(newest).containsExactly(weak, strong);
    }

    @Test
    void pagesWithAStableCursorUnderInserts() {
        String word = Api.word();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(offer(Map.of("fr", "Annonce " + word + " numéro " + i), null, List.of("word")));
        }
        for (String sort : List.of("relevance", "newest", "rate")) {
            Set<String> before = new HashSet<>(created);
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Map<String, Object> params = new java.util.HashMap<>(Map.of("q", word, "limit", 2, "sort", sort));
                if (cursor != null) {
                    params.put("cursor", cursor);
                }
                JsonPath page = search(params);
                if (pages == 0) {
                    assertThat(page.getLong("total")).isEqualTo(before.size());
                    // an insert after the first page must neither duplicate nor push out what was there
                    created.add(offer(Map.of("fr", "Insérée " + word + " " + sort), null, List.of("word")));
                }
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null && pages < 20);
            assertThat(seen).doesNotHaveDuplicates().containsAll(before);
        }
    }

    @Test
    void totalAndFacetsCountTheWholeFilteredResult() {
        String word = Api.word();
        Person secretary = Api.secretary();
        Api.publish(secretary, Api.body("Facettes " + word, null, List.of("word", "excel"), Map.of("region", "06", "remote", false)));
        Api.publish(secretary, Api.body("Facettes " + word, null, List.of("word"), Map.of("region", "03", "remote", false,
                "languages", List.of("fr", "en"))));
        Api.publish(secretary, Api.body("Facettes " + word, null, List.of("excel"), Map.of()));
        JsonPath page = search(Map.of("q", word, "limit", 1));
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(page.getMap("facets.skills")).containsEntry("word", 2).containsEntry("excel", 2);
        assertThat(page.getMap("facets.languages")).containsEntry("fr", 3).containsEntry("en", 1);
        assertThat(page.getMap("facets.regions")).containsEntry("06", 1).containsEntry("03", 1);

        assertThat(search(Map.of("q", word, "region", "06")).getLong("total")).isEqualTo(1);
        assertThat(search(Map.of("q", word, "skill", "excel")).getLong("total")).isEqualTo(2);
        assertThat(search(Map.of("q", word, "skill", "excel,word")).getLong("total")).isEqualTo(1);
        assertThat(search(Map.of("q", word, "language", "en")).getLong("total")).isEqualTo(1);
        assertThat(search(Map.of("q", word, "remote", true)).getLong("total")).isEqualTo(1);
        assertThat(search(Map.of("q", word, "kind", "REQUEST")).getLong("total")).isZero();
        assertThat(search(Map.of("q", word, "minRate", "36")).getLong("total")).isZero();
        assertThat(search(Map.of("q", word, "maxRate", "35.00")).getLong("total")).isEqualTo(3);
    }

    @Test
    void rateFiltersAndSortUseExactAmounts() {
        String word = Api.word();
        Person secretary = Api.secretary();
        String cheap = Api.publish(secretary, Api.body("Tarif " + word, null, List.of("word"),
                Map.of("pricing", Map.of("unit", "HOUR", "amount", "25.99"))));
        String dear = Api.publish(secretary, Api.body("Tarif " + word, null, List.of("word"),
                Map.of("pricing", Map.of("unit", "HOUR", "amount", "26.00"))));
        assertThat(search(Map.of("q", word, "sort", "rate")).getList("items.id")).containsExactly(cheap, dear);
        assertThat(search(Map.of("q", word, "minRate", "26")).getList("items.id")).containsExactly(dear);
        assertThat(search(Map.of("q", word, "maxRate", "25.99")).getList("items.id")).containsExactly(cheap);
    }

    @Test
    void theUnitFilterKeepsRatesComparable() {
        String word = Api.word();
        Person secretary = Api.secretary();
        String hourly = Api.publish(secretary, Api.body("Unité " + word, null, List.of("word"),
                Map.of("pricing", Map.of("unit", "HOUR", "amount", "38.00"))));
        String perPage = Api.publish(secretary, Api.body("Unité " + word, null, List.of("word"),
                Map.of("pricing", Map.of("unit", "PAGE", "amount", "2.50"))));
        assertThat(search(Map.of("q", word, "maxRate", "40")).getList("items.id")).containsExactlyInAnyOrder(hourly, perPage);
        assertThat(search(Map.of("q", word, "unit", "HOUR", "maxRate", "40")).getList("items.id")).containsExactly(hourly);
        assertThat(search(Map.of("q", word, "unit", "page")).getList("items.id")).containsExactly(perPage);
        assertThat(search(Map.of("q", word, "unit", "HOUR", "maxRate", "30")).getLong("total")).isZero();
        Api.anonymous().queryParam("unit", "PER_DAY").get("/api/v1/listings").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void neverReturnsDraftsHiddenClosedOrExpired() {
        String word = Api.word();
        Person secretary = Api.secretary();
        String draft = Api.createDraft(secretary, Api.body("Cachée " + word, null, List.of("word"), Map.of()));
        String hidden = Api.publish(secretary, Api.body("Cachée " + word, null, List.of("word"), Map.of()));
        Api.admin().as().body(Map.of("reason", "test")).post("/api/v1/listings/" + hidden + "/hide").then().statusCode(200);
        String closed = Api.publish(secretary, Api.body("Cachée " + word, null, List.of("word"), Map.of()));
        secretary.as().body(Map.of("reason", "WITHDRAWN")).post("/api/v1/listings/" + closed + "/close").then().statusCode(200);
        String visible = Api.publish(secretary, Api.body("Cachée " + word, null, List.of("word"), Map.of()));
        assertThat(search(Map.of("q", word)).getList("items.id")).containsExactly(visible);
        // not even for the owner or an admin: drafts are in /mine, hidden ones in moderation
        assertThat(secretary.as().queryParam("q", word).get("/api/v1/listings").jsonPath().getList("items.id"))
                .containsExactly(visible);
        assertThat(Api.admin().as().queryParam("q", word).get("/api/v1/listings").jsonPath().getList("items.id"))
                .containsExactly(visible);
        clock.advance(Duration.ofDays(61));
        // the same search again, in the same index snapshot: its kept answer no longer holds (a listing expired)
        JsonPath later = search(Map.of("q", word));
        assertThat(later.getList("items")).isEmpty();
        assertThat(later.getInt("total")).isZero();
        assertThat(later.getMap("facets.skills")).isEmpty();
        assertThat(draft).isNotNull();
    }

    @Test
    void labelsPromotedListingsWithoutReordering() {
        String word = Api.word();
        String id = offer(Map.of("fr", "Promue " + word), null, List.of("word"));
        Api.service("billing").body(Map.of("featuredUntil", Instant.now().plus(Duration.ofDays(7)).toString()))
                .put("/api/v1/listings/" + id + "/featured").then().statusCode(200).body("promoted", equalTo(true));
        JsonPath page = search(Map.of("q", word));
        assertThat(page.getBoolean("items[0].promoted")).isTrue();
        assertThat(page.getString("items[0].featuredUntil")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; drop table listing; --", "\" or 1=1 --", "a & | ! <-> :* ( )", "<script>alert(1)</script>",
            "%", "\\", "''''", "or", "-", "de la", "💼 secrétaire"})
    void hostileQueriesAreSafe(String q) {
        Api.anonymous().queryParam("q", q).get("/api/v1/listings").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%00", "q=nul%00nul", "q=%C3%28", "q=%FF%FE", "q=comptabilit%E9"})
    void nulOrBytesThatAreNotUtf8Are400Problems(String query) {
        for (String path : List.of("/api/v1/listings?", "/api/v1/listings/suggest?", "/api/v1/listings/%00?")) {
            Api.anonymous().urlEncodingEnabled(false).header("Accept-Language", "en-CA").get(path + query).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_URI_ENCODING"))
                    .body("title", equalTo("Invalid address"));
        }
    }

    @Test
    void badParametersAre400Problems() {
        Api.anonymous().queryParam("q", "x".repeat(201)).get("/api/v1/listings").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_PARAMETER"));
        for (Map<String, Object> params : List.<Map<String, Object>>of(Map.of("sort", "random"), Map.of("kind", "JOB"),
                Map.of("skill", "juggling"), Map.of("region", "18"), Map.of("language", "french"), Map.of("minRate", "abc"),
                Map.of("maxRate", "-3"), Map.of("limit", 0), Map.of("limit", 1000))) {
            Api.anonymous().queryParams(params).get("/api/v1/listings").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        Api.anonymous().queryParam("limit", "many").get("/api/v1/listings").then().statusCode(404);
        Api.anonymous().queryParam("cursor", "not a cursor").get("/api/v1/listings").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        String newestCursor = java.util.Base64.getUrlEncoder().encodeToString("NEWEST|x|y".getBytes());
        Api.anonymous().queryParam("cursor", newestCursor).get("/api/v1/listings").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        // the limits the OpenAPI document states: a cursor is at most 256 characters, a rate 20
        Api.anonymous().queryParam("cursor", "A".repeat(257)).get("/api/v1/listings").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
        Api.anonymous().queryParam("minRate", "0".repeat(20) + "1").get("/api/v1/listings").then().statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
        Api.anonymous().queryParam("maxRate", "0".repeat(18) + "40").get("/api/v1/listings").then().statusCode(200);
    }
}

package ca.pupitre.listings.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.problem;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.listings.PartnerTokens;
import ca.pupitre.listings.service.ListingService;
import ca.pupitre.testing.TestDatabase;
import ca.pupitre.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class FeedTest {

    /** Every property Google for Jobs requires or the issue names, on every JobPosting. */
    static final List<String> JOB_POSTING_PROPERTIES = List.of("title", "description", "datePosted", "validThrough",
            "hiringOrganization", "employmentType", "identifier", "baseSalary", "directApply", "inLanguage", "url");
    static final List<String> FEEDS = List.of("jobs.jsonld", "jobs.xml", "services.jsonld", "services.atom", "changes");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    ListingService listingService;

    private static RequestSpecification asPartner(UUID partnerId) {
        return given().auth().oauth2(PartnerTokens.unrestricted(partnerId));
    }

    private static String feed(UUID partnerId, String name, String... query) {
        RequestSpecification request = asPartner(partnerId);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/api/v1/feeds/" + name).then().statusCode(200).extract().asString();
    }

    private static Map<String, JsonNode> graphById(String body) throws Exception {
        JsonNode root = JSON.readTree(body);
        assertThat(root.path("@context").asText()).isEqualTo("https://schema.org");
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode item : root.path("@graph")) {
            byId.put(item.path("identifier").path("value").asText(), item);
        }
        return byId;
    }

    private static Map<String, Object> request(String title, Map<String, Object> overrides) {
        return Api.body(title, "Tâches de bureau à distance.", List.of("invoicing", "excel"), overrides);
    }

    @Test
    void jobsJsonLdCarriesEveryRequiredJobPostingPropertyOnEveryItem() throws Exception {
        Person client = Api.client();
        String word = Api.word();
        String remote = Api.publish(client, request("Adjointe " + word, Map.of("region", "06", "publicName", "Notaires Tremblay",
                "hoursPerWeek", 15)));
        String anonymous = Api.publish(client, request("Comptable " + word, Map.of("anonymous", true, "publicName", "Secret inc.")));
        String onSite = Api.publish(client, request("Réception " + word, Map.of("remote", false, "region", "03",
                "pricing", Map.of("unit", "FIXED", "amount", "1200.00"))));
        Map<String, Object> englishOnly = new HashMap<>(request(null, Map.of()));
        englishOnly.remove("description");
        englishOnly.put("title", Map.of("en", "Bookkeeper " + word));
        englishOnly.put("description", Map.of("en", "Monthly books."));
        String english = Api.publish(client, englishOnly);
        String offer = Api.publish(Api.secretary(), Api.body("Offre " + word, null, List.of("layout"), Map.of()));
        UUID partner = UUID.randomUUID();

        Map<String, JsonNode> jobs = graphById(feed(partner, "jobs.jsonld"));

        assertThat(jobs).containsKeys(remote, anonymous, onSite, english).doesNotContainKey(offer);
        for (JsonNode job : jobs.values()) {
            assertThat(job.path("@type").asText()).isEqualTo("JobPosting");
            JOB_POSTING_PROPERTIES.forEach(p -> assertThat(job.has(p)).as("%s on %s", p, job).isTrue());
            assertThat(job.path("hiringOrganization").path("name").asText()).isNotBlank();
            assertThat(job.path("identifier").path("@type").asText()).isEqualTo("PropertyValue");
            assertThat(job.path("baseSalary").path("currency").asText()).isEqualTo("CAD");
            assertThat(job.path("baseSalary").path("value").path("value").isNumber()).isTrue();
            assertThat(job.path("employmentType").get(0).asText()).isEqualTo("CONTRACTOR");
            assertThat(job.path("jobLocationType").asText().equals("TELECOMMUTE") || job.has("jobLocation")).isTrue();
            if (job.has("jobLocationType")) {
                assertThat(job.path("applicantLocationRequirements").path("name").asText()).isIn("Québec", "Canada");
            }
        }
        JsonNode first = jobs.get(remote);
        assertThat(first.path("title").asText()).isEqualTo("Adjointe " + word);
        assertThat(first.path("hiringOrganization").path("name").asText()).isEqualTo("Notaires Tremblay");
        assertThat(first.path("employmentType")).extracting(JsonNode::asText).containsExactly("CONTRACTOR", "PART_TIME");
        assertThat(first.path("baseSalary").path("value").path("unitText").asText()).isEqualTo("HOUR");
        assertThat(first.path("baseSalary").path("value").path("value").decimalValue()).isEqualByComparingTo("35.00");
        assertThat(first.path("jobLocationType").asText()).isEqualTo("TELECOMMUTE");
        assertThat(first.path("applicantLocationRequirements").path("@type").asText()).isEqualTo("State");
        assertThat(first.path("jobLocation").path("address").path("addressRegion").asText()).isEqualTo("QC");
        assertThat(first.path("jobLocation").path("name").asText()).isEqualTo("Montréal");
        assertThat(first.path("inLanguage").asText()).isEqualTo("fr-CA");
        assertThat(first.path("directApply").asBoolean()).isTrue();
        assertThat(first.path("url").asText()).endsWith("/api/v1/listings/" + remote + "/visit?partner=" + partner);
        JsonNode listing = Api.anonymous().get("/api/v1/listings/" + remote).then().extract().as(JsonNode.class);
        assertThat(first.path("datePosted").asText()).isEqualTo(listing.path("publishedAt").asText());
        assertThat(first.path("validThrough").asText()).isEqualTo(listing.path("expiresAt").asText());
        assertThat(jobs.get(anonymous).path("hiringOrganization").path("name").asText()).isEqualTo("Confidentiel");
        assertThat(jobs.get(onSite).has("jobLocationType")).isFalse();
        assertThat(jobs.get(onSite).path("baseSalary").path("value").has("unitText")).isFalse();
        assertThat(jobs.get(english).path("inLanguage").asText()).isEqualTo("en-CA");

        Map<String, JsonNode> inEnglish = graphById(feed(partner, "jobs.jsonld", "lang", "en"));
        assertThat(inEnglish.get(anonymous).path("hiringOrganization").path("name").asText()).isEqualTo("Confidential");
        assertThat(inEnglish.get(english).path("title").asText()).isEqualTo("Bookkeeper " + word);
        assertThat(inEnglish.get(remote).path("inLanguage").asText()).isEqualTo("fr-CA");
        assertThat(inEnglish.get(remote).path("title").asText()).isEqualTo("Adjointe " + word);

        asPartner(partner).queryParam("lang", "de").get("/api/v1/feeds/jobs.jsonld").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("INVALID_PARAMETER"));
    }

    @Test
    void descriptionsAreEscapedHtmlWithContactsMasked() throws Exception {
        Person client = Api.client();
        String id = Api.publish(client, request("Script " + Api.word(), Map.of("description",
                Map.of("fr", "<script>alert('x')</script>\nÉcrivez à jeanne@exemple.ca ou au 514 555-0199"))));
        JsonNode job = graphById(feed(UUID.randomUUID(), "jobs.jsonld")).get(id);
        assertThat(job.path("description").asText())
                .startsWith("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>Écrivez à [courriel masqué]")
                .doesNotContain("<script", "jeanne@exemple.ca", "555-0199");
    }

    @Test
    void jsonLdCannotCloseThePartnersScriptElement() throws Exception {
        String word = Api.word();
        String attack = "</script><img src=x onerror=alert(1)> & <!-- \u2028" + word + "\u2029 -->";
        String job = Api.publish(Api.client(), request(attack, Map.of()));
        String offer = Api.publish(Api.secretary(), Api.body(attack, "<b>" + word + "</b>", List.of("layout"), Map.of()));
        UUID partner = UUID.randomUUID();
        for (String name : List.of("jobs.jsonld", "services.jsonld", "changes")) {
            String body = feed(partner, name);
            // (the change feed's first page may end before these two: it is checked for what it holds)
            assertThat(body).as(name).doesNotContain("<", ">", "&", "\u2028", "\u2029");
            JSON.readTree(body); // still JSON, the same values for any reader
        }
        assertThat(graphById(feed(partner, "jobs.jsonld")).get(job).path("title").asText()).isEqualTo(attack);
        assertThat(graphById(feed(partner, "services.jsonld")).get(offer).path("name").asText()).isEqualTo(attack);
    }

    @Test
    void jobsXmlIsWellFormedValidAgainstTheXsdAndUsesCdata() throws Exception {
        Person client = Api.client();
        String word = Api.word();
        String id = Api.publish(client, request("Secrétaire ]]> & <b>" + word + "</b>", Map.of("region", "05")));
        UUID partner = UUID.randomUUID();
        byte[] body = asPartner(partner).get("/api/v1/feeds/jobs.xml").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/xml")).extract().asByteArray();

        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas.newSchema(FeedTest.class.getClassLoader().getResource("feeds/jobs.xsd")).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(body)));

        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("<![CDATA[")
                .doesNotContain("&eacute;", "&#233;");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        Element job = jobByReference(document, id);
        assertThat(job).isNotNull();
        assertThat(child(job, "title")).isEqualTo("Secrétaire ]]> & <b>" + word + "</b>");
        assertThat(child(job, "requisitionid")).isEqualTo(id);
        assertThat(child(job, "url")).endsWith("/visit?partner=" + partner);
        assertThat(child(job, "city")).isEqualTo("Estrie");
        assertThat(child(job, "state")).isEqualTo("QC");
        assertThat(child(job, "salary")).isEqualTo("35,00 $ / heure");
        assertThat(child(job, "remotetype")).isEqualTo("Fully remote");
        assertThat(child(job, "description")).isEqualTo("Tâches de bureau à distance.");
        assertThat(document.getDocumentElement().getElementsByTagName("publisher").item(0).getTextContent()).isEqualTo("Pupitre");
    }

    @Test
    void servicesFeedsParseAsJsonLdAndAsAtomWithRome() throws Exception {
        Person secretary = Api.secretary();
        String word = Api.word();
        String offer = Api.publish(secretary, Api.body("Mise en page " + word, "Word, InDesign.", List.of("layout"),
                Map.of("publicName", "Julie T.", "pricing", Map.of("unit", "PAGE", "amount", "4.50"))));
        String job = Api.publish(Api.client(), request("Demande " + word, Map.of()));
        UUID partner = UUID.randomUUID();

        Map<String, JsonNode> services = graphById(feed(partner, "services.jsonld"));
        assertThat(services).containsKey(offer).doesNotContainKey(job);
        JsonNode service = services.get(offer);
        assertThat(service.path("@type").asText()).isEqualTo("Service");
        assertThat(service.path("name").asText()).isEqualTo("Mise en page " + word);
        assertThat(service.path("provider").path("name").asText()).isEqualTo("Julie T.");
        assertThat(service.path("offers").path("@type").asText()).isEqualTo("Offer");
        assertThat(service.path("offers").path("price").asText()).isEqualTo("4.50");
        assertThat(service.path("offers").path("priceCurrency").asText()).isEqualTo("CAD");
        assertThat(service.path("offers").path("priceSpecification").path("unitText").asText()).isEqualTo("PAGE");
        assertThat(service.path("inLanguage").asText()).isEqualTo("fr-CA");
        assertThat(service.path("url").asText()).endsWith(offer + "/visit?partner=" + partner);

        byte[] atom = asPartner(partner).queryParam("limit", 50).get("/api/v1/feeds/services.atom").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/atom+xml")).extract().asByteArray();
        SyndFeed parsed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(atom)));
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(parsed.getEntries()).hasSizeLessThanOrEqualTo(50);
        SyndEntry entry = parsed.getEntries().stream().filter(e -> e.getUri().equals("urn:uuid:" + offer)).findFirst()
                .orElseThrow();
        assertThat(entry.getTitle()).isEqualTo("Mise en page " + word);
        assertThat(entry.getLink()).endsWith(offer + "/visit?partner=" + partner);
        assertThat(entry.getContents().get(0).getValue()).isEqualTo("Word, InDesign.");
        assertThat(entry.getAuthor()).isEqualTo("Julie T.");
        assertThat(parsed.getEntries().stream().map(SyndEntry::getUri)).doesNotContain("urn:uuid:" + job);

        byte[] englishAtom = asPartner(partner).queryParam("lang", "en").get("/api/v1/feeds/services.atom").then()
                .statusCode(200).extract().asByteArray();
        SyndFeed english = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(englishAtom)));
        assertThat(english.getTitle()).contains("new remote secretarial offers");
        assertThat(new String(englishAtom, StandardCharsets.UTF_8)).contains("xml:lang=\"en-CA\"");
    }

    @Test
    void closedExpiredAndHiddenJobsLeaveTheSnapshotsAndBecomeTombstones() throws Exception {
        UUID partner = UUID.randomUUID();
        String start = drainChanges(partner, null).cursor();
        Person client = Api.client();
        String word = Api.word();
        String closed = Api.publish(client, request("Fermée " + word, Map.of()));
        String expired = Api.publish(client, request("Expirée " + word, Map.of()));
        String hidden = Api.publish(client, request("Masquée " + word, Map.of()));
        String open = Api.publish(client, request("Ouverte " + word, Map.of()));
        assertThat(graphById(feed(partner, "jobs.jsonld"))).containsKeys(closed, expired, hidden, open);

        client.as().body(Map.of("reason", "FILLED")).post("/api/v1/listings/" + closed + "/close").then().statusCode(200);
        Api.admin().as().body(Map.of("reason", "Fraude")).post("/api/v1/listings/" + hidden + "/hide").then().statusCode(200);
        try (Connection db = TestDatabase.get().adminConnection();
                PreparedStatement expire = db.prepareStatement(
                        "update listings.listing set expires_at = now() - interval '1 minute' where id = ?")) {
            expire.setObject(1, UUID.fromString(expired));
            expire.executeUpdate();
        }

        assertThat(graphById(feed(partner, "jobs.jsonld"))).containsKey(open).doesNotContainKeys(closed, expired, hidden);
        String xml = feed(partner, "jobs.xml");
        assertThat(xml).contains(open).doesNotContain(closed, expired, hidden);

        listingService.expireDue(500);
        List<JsonNode> delta = drainChanges(partner, start).items();
        Map<String, JsonNode> last = new HashMap<>();
        delta.forEach(item -> last.put(item.path("id").asText(), item));
        assertThat(last.get(open).path("op").asText()).isEqualTo("UPSERT");
        assertThat(last.get(open).path("item").path("@type").asText()).isEqualTo("JobPosting");
        assertThat(last.get(open).path("item").path("@context").asText()).isEqualTo("https://schema.org");
        for (Map.Entry<String, String> gone : Map.of(closed, "CLOSED", expired, "EXPIRED", hidden, "HIDDEN").entrySet()) {
            JsonNode tombstone = last.get(gone.getKey());
            assertThat(tombstone.path("op").asText()).isEqualTo("TOMBSTONE");
            assertThat(tombstone.path("status").asText()).isEqualTo(gone.getValue());
            assertThat(tombstone.path("changedAt").asText()).isNotBlank();
            assertThat(tombstone.has("item")).isFalse();
        }
        List<Long> seqs = delta.stream().map(i -> i.path("seq").asLong()).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void deltaFeedPagesResumeFromTheCursorAndRejectBadOnes() throws Exception {
        UUID partner = UUID.randomUUID();
        String start = drainChanges(partner, null).cursor();
        Person client = Api.client();
        for (int i = 0; i < 3; i++) {
            Api.publish(client, request("Page " + i + " " + Api.word(), Map.of()));
        }
        List<JsonNode> oneGo = drainChanges(partner, start).items();
        List<JsonNode> paged = new ArrayList<>();
        String cursor = start;
        boolean more = true;
        while (more) {
            JsonNode page = JSON.readTree(asPartner(partner).queryParam("since", cursor).queryParam("limit", 1)
                    .get("/api/v1/feeds/changes").then().statusCode(200).extract().asString());
            page.path("items").forEach(paged::add);
            cursor = page.path("nextCursor").asText();
            more = page.path("more").asBoolean();
        }
        assertThat(paged.stream().map(i -> i.path("seq").asLong()).toList())
                .isEqualTo(oneGo.stream().map(i -> i.path("seq").asLong()).toList());
        asPartner(partner).queryParam("since", "nonsense").get("/api/v1/feeds/changes").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("INVALID_CURSOR"));
        asPartner(partner).queryParam("limit", 0).get("/api/v1/feeds/changes").then().statusCode(400);
    }

    record Delta(List<JsonNode> items, String cursor) {
    }

    private static Delta drainChanges(UUID partner, String since) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = since;
        while (true) {
            RequestSpecification request = asPartner(partner).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            JsonNode page = JSON.readTree(request.get("/api/v1/feeds/changes").then().statusCode(200).extract().asString());
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").asText();
            if (!page.path("more").asBoolean()) {
                return new Delta(all, cursor);
            }
        }
    }

    @Test
    void everyFeedAnswers304ToItsETagOrLastModifiedUntilSomethingChanges() {
        UUID partner = UUID.randomUUID();
        for (String name : FEEDS) {
            Response first = asPartner(partner).get("/api/v1/feeds/" + name);
            first.then().statusCode(200);
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");
            assertThat(etag).as(name).startsWith("W/\"");
            assertThat(lastModified).as(name).endsWith("GMT");
            asPartner(partner).header("If-None-Match", etag).get("/api/v1/feeds/" + name).then().statusCode(304)
                    .header("ETag", etag);
            asPartner(partner).header("If-None-Match", "\"other\", " + etag.substring(2)).get("/api/v1/feeds/" + name)
                    .then().statusCode(304);
            asPartner(partner).header("If-Modified-Since", lastModified).get("/api/v1/feeds/" + name).then().statusCode(304);
            asPartner(partner).header("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").get("/api/v1/feeds/" + name)
                    .then().statusCode(200);
            // Another partner's URLs differ, so does the tag.
            assertThat(asPartner(UUID.randomUUID()).get("/api/v1/feeds/" + name).header("ETag")).isNotEqualTo(etag);
        }
        String before = asPartner(partner).get("/api/v1/feeds/jobs.jsonld").header("ETag");
        Api.publish(Api.client(), request("Nouvelle " + Api.word(), Map.of()));
        asPartner(partner).header("If-None-Match", before).get("/api/v1/feeds/jobs.jsonld").then().statusCode(200);
    }

    @Test
    void feedsAreGzippedOnlyWhenAsked() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = PartnerTokens.unrestricted(UUID.randomUUID());
        for (String name : FEEDS) {
            URI uri = base.toURI().resolve("api/v1/feeds/" + name);
            HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zipped.statusCode()).isEqualTo(200);
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(name).contains("gzip");
            byte[] unzipped;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                unzipped = in.readAllBytes();
            }
            HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.headers().firstValue("Vary")).contains("Accept-Encoding");
            if (!name.startsWith("jobs.xml") && !name.startsWith("services.atom")) {
                assertThat(JSON.readTree(unzipped)).isNotNull();
            }
            assertThat(new String(unzipped, StandardCharsets.UTF_8).substring(0, 20))
                    .isEqualTo(new String(plain.body(), StandardCharsets.UTF_8).substring(0, 20));
            HttpResponse<byte[]> refused = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Accept-Encoding", "gzip;q=0, identity").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        }
    }

    @Test
    void onlyPartnersAllowedTheFeedAndAdminsMayReadIt() {
        UUID partner = UUID.randomUUID();
        String xmlOnly = PartnerTokens.withFeeds(partner, List.of("JOBS_XML"));
        for (String name : FEEDS) {
            String path = "/api/v1/feeds/" + name;
            given().get(path).then().spec(unauthorized()).contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
            given().auth().oauth2(TestTokens.expired("partner:" + partner, "PARTNER")).get(path).then().spec(unauthorized());
            Api.client().as().get(path).then().spec(forbidden());
            Api.secretary().as().get(path).then().spec(forbidden());
            Api.service("matching").get(path).then().spec(forbidden());
            Api.admin().as().get(path).then().statusCode(200);
            given().auth().oauth2(PartnerTokens.withFeeds(partner, List.of(
                    "JOBS_JSONLD", "JOBS_XML", "SERVICES_JSONLD", "SERVICES_ATOM", "CHANGES"))).get(path).then().statusCode(200);
            if (name.equals("jobs.xml")) {
                given().auth().oauth2(xmlOnly).get(path).then().statusCode(200);
            } else {
                given().auth().oauth2(xmlOnly).header("Accept-Language", "en-CA").get(path).then().statusCode(403)
                        .body("code", org.hamcrest.Matchers.equalTo("FEED_NOT_ALLOWED"))
                        .body("title", org.hamcrest.Matchers.equalTo("Feed not allowed"));
            }
        }
    }

    @Test
    void noDraftHiddenContactOrOwnerIdEverAppearsInAFeed() throws Exception {
        Person client = Api.client();
        Person secretary = Api.secretary();
        String word = Api.word();
        String draft = Api.createDraft(client, request("Brouillon " + word, Map.of()));
        String draftOffer = Api.createDraft(secretary, Api.body("Brouillon offre " + word, null, List.of("layout"), Map.of()));
        String hidden = Api.publish(client, request("Cachée " + word, Map.of()));
        Api.admin().as().body(Map.of("reason", "Fraude")).post("/api/v1/listings/" + hidden + "/hide").then().statusCode(200);
        String hiddenDraft = Api.createDraft(client, request("Brouillon caché " + word, Map.of()));
        Api.admin().as().body(Map.of("reason", "Fraude")).post("/api/v1/listings/" + hiddenDraft + "/hide").then().statusCode(200);
        String contact = Api.publish(client, request("Contact " + word, Map.of("publicName", "Cabinet Roy",
                "description", Map.of("fr", "Joindre roy@cabinet-roy.ca ou 819-555-0142", "en", "Call (819) 555-0142"))));
        String offer = Api.publish(secretary, Api.body("Offre " + word, "Courriel : moi@exemple.com", List.of("layout"), Map.of()));
        UUID partner = UUID.randomUUID();

        List<String> bodies = new ArrayList<>();
        for (String lang : List.of("fr", "en")) {
            for (String name : FEEDS) {
                bodies.add(feed(partner, name, "lang", lang, "limit", "1000"));
            }
        }
        String everything = String.join("\n", bodies);
        // A listing hidden after it was public shows up once more, as a content-free TOMBSTONE of the delta feed.
        assertThat(String.join("\n", bodies.stream().filter(b -> !b.contains("\"nextCursor\"")).toList())).doesNotContain(hidden);
        JsonNode tombstone = StreamSupport.stream(drainChanges(partner, null).items().spliterator(), false)
                .filter(i -> i.path("id").asText().equals(hidden)).reduce((a, b) -> b).orElseThrow();
        assertThat(tombstone.path("op").asText()).isEqualTo("TOMBSTONE");
        assertThat(tombstone.path("status").asText()).isEqualTo("HIDDEN");
        assertThat(tombstone.has("item")).isFalse();
        assertThat(everything).contains(contact, offer)
                .doesNotContain(draft, draftOffer, hiddenDraft, client.id().toString(), secretary.id().toString(),
                        "roy@cabinet-roy.ca", "555-0142", "moi@exemple.com", "ownerId", "hiddenReason", "Fraude");
    }

    @Test
    void clicksAreCountedPerPartnerAndListingAndShownToTheOwnerAndThePartner() throws Exception {
        Person client = Api.client();
        String id = Api.publish(client, request("Clic " + Api.word(), Map.of()));
        UUID partner = UUID.randomUUID();
        UUID otherPartner = UUID.randomUUID();
        String url = graphById(feed(partner, "jobs.jsonld")).get(id).path("url").asText();
        String path = URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
        RestAssuredConfig noRedirects = RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false));
        for (int i = 0; i < 2; i++) {
            given().config(noRedirects).get(path).then().statusCode(303)
                    .header("Location", "http://localhost:8080/annonces/" + id);
        }
        given().config(noRedirects).get("/api/v1/listings/" + id + "/visit").then().statusCode(303);
        given().config(noRedirects).get("/api/v1/listings/" + id + "/visit?partner=not-a-uuid").then().statusCode(303);
        given().config(noRedirects).get("/api/v1/listings/" + UUID.randomUUID() + "/visit?partner=" + partner)
                .then().statusCode(404);
        drainChanges(partner, null);

        JsonNode stats = JSON.readTree(asPartner(partner).get("/api/v1/feeds/stats").then().statusCode(200).extract().asString());
        assertThat(stats.path("partnerId").asText()).isEqualTo(partner.toString());
        assertThat(stats.path("clicks").asLong()).isEqualTo(2);
        assertThat(stats.path("serves").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.path("impressions").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(StreamSupport.stream(stats.path("byFeed").spliterator(), false).map(f -> f.path("feed").asText()))
                .contains("JOBS_JSONLD", "CHANGES");
        JsonNode top = stats.path("topListings").get(0);
        assertThat(top.path("listingId").asText()).isEqualTo(id);
        assertThat(top.path("clicks").asLong()).isEqualTo(2);
        assertThat(top.path("impressions").asLong()).isGreaterThanOrEqualTo(1);
        asPartner(partner).get("/api/v1/feeds/partners/" + partner + "/stats").then().statusCode(200)
                .body("clicks", org.hamcrest.Matchers.equalTo(2));
        asPartner(otherPartner).get("/api/v1/feeds/partners/" + partner + "/stats").then().statusCode(403)
                .body("code", org.hamcrest.Matchers.equalTo("STATS_NOT_ALLOWED"));
        asPartner(otherPartner).queryParam("partnerId", partner.toString()).get("/api/v1/feeds/stats").then().spec(problem(403, "STATS_NOT_ALLOWED"));
        Api.admin().as().queryParam("partnerId", partner.toString()).get("/api/v1/feeds/stats").then().statusCode(200)
                .body("clicks", org.hamcrest.Matchers.equalTo(2));
        Api.client().as().get("/api/v1/feeds/partners/" + partner + "/stats").then().spec(forbidden());
        given().get("/api/v1/feeds/stats").then().spec(unauthorized());

        JsonNode sources = JSON.readTree(client.as().get("/api/v1/listings/" + id + "/sources").then().statusCode(200)
                .extract().asString());
        assertThat(sources.path("clicks").asLong()).isEqualTo(4);
        Map<String, Long> bySource = new HashMap<>();
        sources.path("sources").forEach(s -> bySource.put(s.path("source").asText(), s.path("clicks").asLong()));
        assertThat(bySource).containsEntry("partner:" + partner, 2L).containsEntry("direct", 2L);
        Api.admin().as().get("/api/v1/listings/" + id + "/sources").then().statusCode(200);
        Api.client().as().get("/api/v1/listings/" + id + "/sources").then().spec(problem(403, "NOT_OWNER"));
        given().get("/api/v1/listings/" + id + "/sources").then().spec(unauthorized());
        String draft = Api.createDraft(client, request("Brouillon", Map.of()));
        Api.client().as().get("/api/v1/listings/" + draft + "/sources").then().statusCode(404);
    }

    private static Element jobByReference(Document document, String id) {
        NodeList jobs = document.getElementsByTagName("job");
        for (int i = 0; i < jobs.getLength(); i++) {
            Element job = (Element) jobs.item(i);
            if (id.equals(child(job, "referencenumber"))) {
                return job;
            }
        }
        return null;
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}

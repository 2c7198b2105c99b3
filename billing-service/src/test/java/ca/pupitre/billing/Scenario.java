package ca.pupitre.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import ca.pupitre.testing.TestTokens;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A fresh client and secretary for one test, and the steps that bring them to an engagement, time,
 * drafts and issued invoices through the public API (matching-service answers from the fake).
 */
public final class Scenario {

    public static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    public static final String GST = "123456789 RT0001";
    public static final String QST = "1234567890 TQ0001";
    /** What matching answers for each invitation (status, body), so a delayed one answers the same. */
    private static final Map<UUID, Answer> INVITATIONS = new ConcurrentHashMap<>();

    private record Answer(int status, String body) {
    }

    public final UUID secretary = UUID.randomUUID();
    public final UUID client = UUID.randomUUID();
    public final String secretaryToken = TestTokens.secretary(secretary);
    public final String clientToken = TestTokens.client(client);

    public static Scenario fresh() {
        return new Scenario();
    }

    public Scenario registeredSecretary() {
        given().auth().oauth2(secretaryToken).contentType(ContentType.JSON)
                .body("{\"legalName\":\"Marie Tremblay\",\"address\":\"123, rue Principale, Québec (Québec) G1A 1A1\","
                        + "\"province\":\"QC\",\"smallSupplier\":false,\"gstNumber\":\"" + GST + "\",\"qstNumber\":\"" + QST + "\","
                        + "\"paymentInstructions\":\"Virement Interac : marie@example.ca\"}")
                .put("/api/v1/billing/profile").then().statusCode(200);
        return this;
    }

    public Scenario smallSupplierSecretary() {
        given().auth().oauth2(secretaryToken).contentType(ContentType.JSON)
                .body("{\"legalName\":\"Julie Roy\",\"address\":\"5, rue des Érables, Lévis (Québec)\",\"province\":\"QC\",\"smallSupplier\":true}")
                .put("/api/v1/billing/profile").then().statusCode(200);
        return this;
    }

    public Scenario clientIn(String province) {
        return clientIn(province, null);
    }

    /** {@code email}: her billing address, also her account's verified address (the token says so). */
    public Scenario clientIn(String province, String email) {
        given().auth().oauth2(email == null ? clientToken : TestTokens.person(client, "CLIENT", email, "Josée Gagnon", "fr-CA"))
                .contentType(ContentType.JSON)
                .body("{\"legalName\":\"Cabinet Gagnon inc.\",\"address\":\"400, boul. Laurier, Québec\",\"province\":\"" + province + "\""
                        + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}")
                .put("/api/v1/billing/profile").then().statusCode(200);
        return this;
    }

    /** Makes matching-service answer this invitation. */
    public static void invitation(UUID id, UUID client, UUID secretary, String state) {
        String body = "{\"id\":\"" + id + "\",\"requestId\":\"" + UUID.randomUUID() + "\",\"offerId\":\""
                + UUID.randomUUID() + "\",\"clientId\":\"" + client + "\",\"secretaryId\":\"" + secretary + "\",\"state\":\""
                + state + "\",\"message\":\"Bonjour\",\"createdAt\":\"2026-11-20T14:00:00Z\",\"answeredAt\":null}";
        INVITATIONS.put(id, new Answer(200, body));
        wireMock().register(get(urlPathEqualTo("/api/v1/invitations/" + id)).willReturn(okJson(body)));
    }

    /** Makes matching-service answer a bare status for this invitation. */
    public static void invitationStatus(UUID id, int status) {
        INVITATIONS.put(id, new Answer(status, "{\"code\":\"FAKE\"}"));
        wireMock().register(get(urlPathEqualTo("/api/v1/invitations/" + id))
                .willReturn(jsonResponse("{\"code\":\"FAKE\"}", status)));
    }

    /** Makes matching-service answer this invitation (or its 404) only after {@code millis}. */
    public static void invitationDelay(UUID id, long millis) {
        Answer answer = INVITATIONS.getOrDefault(id, new Answer(404, "{\"status\":404,\"code\":\"INVITATION_NOT_FOUND\"}"));
        wireMock().register(get(urlPathEqualTo("/api/v1/invitations/" + id))
                .willReturn(jsonResponse(answer.body(), answer.status()).withFixedDelay((int) millis)));
    }

    /** Makes listings-service answer 503 to the next {@code times} featured calls for this listing. */
    public static void failListing(UUID listing, int times) {
        failNext(() -> put(urlPathEqualTo("/api/v1/listings/" + listing + "/featured")), "listing " + listing, times);
    }

    /** Makes matching-service answer 503 to the next {@code times} conversion calls for this referral code. */
    public static void failReferral(String code, int times) {
        failNext(() -> post(urlPathEqualTo("/api/v1/referrals/" + code + "/conversions")), "referral " + code, times);
    }

    /** Makes matching-service answer this status to every conversion call for this referral code. */
    public static void referralStatus(String code, int status) {
        wireMock().register(post(urlPathEqualTo("/api/v1/referrals/" + code + "/conversions"))
                .willReturn(jsonResponse("{\"status\":" + status + "}", status)));
    }

    /** The listing belongs to {@code owner} (by default a fake listing belongs to whoever asks). */
    public static void listingOwnedBy(UUID listing, UUID owner) {
        wireMock().register(get(urlPathEqualTo("/api/v1/listings/" + listing))
                .willReturn(okJson(FakeServices.listing(listing.toString(), owner.toString()))));
    }

    public static void listingMissing(UUID listing) {
        wireMock().register(get(urlPathEqualTo("/api/v1/listings/" + listing))
                .willReturn(jsonResponse("{\"status\":404,\"code\":\"LISTING_NOT_FOUND\"}", 404)));
    }

    /** A call billing made to another service, as WireMock's journal recorded it, with the answer it got. */
    public record Call(String method, String path, String body, String authorization, int status) {
    }

    /** The calls billing made whose path matches {@code pathRegex}, oldest first. */
    public static List<Call> calls(String method, String pathRegex) {
        List<Call> calls = new ArrayList<>();
        for (ServeEvent event : wireMock().getServeEvents()) { // newest first
            LoggedRequest request = event.getRequest();
            String path = URI.create(request.getUrl()).getPath();
            if (request.getMethod().value().equals(method) && path.matches(pathRegex)) {
                calls.add(0, new Call(method, path, request.getBodyAsString(), request.getHeader("Authorization"),
                        event.getResponse().getStatus()));
            }
        }
        return calls;
    }

    /** The next {@code times} requests matching {@code request} answer 503, then the usual answer again. */
    private static void failNext(Supplier<MappingBuilder> request, String name, int times) {
        String scenario = name + " " + UUID.randomUUID();
        for (int i = 0; i < times; i++) {
            wireMock().register(request.get().atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "failed " + i)
                    .willSetStateTo("failed " + (i + 1))
                    .willReturn(jsonResponse("{\"status\":503}", 503)));
        }
    }

    private static WireMock wireMock() {
        URI fake = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.matching.url", String.class));
        return new WireMock(fake.getHost(), fake.getPort());
    }

    public UUID acceptedInvitation() {
        UUID id = UUID.randomUUID();
        invitation(id, client, secretary, "ACCEPTED");
        return id;
    }

    public UUID engagement(String pricingJson, String terms) {
        return UUID.fromString(given().auth().oauth2(clientToken).contentType(ContentType.JSON)
                .body("{\"invitationId\":\"" + acceptedInvitation() + "\",\"pricing\":" + pricingJson + ",\"terms\":\"" + terms + "\"}")
                .post("/api/v1/engagements").then().statusCode(201).extract().path("id"));
    }

    public UUID hourly(String rate) {
        return engagement("{\"type\":\"HOURLY\",\"rate\":\"" + rate + "\"}", "NET_30");
    }

    public UUID fixed(String amount) {
        return engagement("{\"type\":\"FIXED\",\"amount\":\"" + amount + "\"}", "NET_15");
    }

    public UUID logTime(UUID engagement, LocalDate date, int minutes, String description) {
        return UUID.fromString(given().auth().oauth2(secretaryToken).contentType(ContentType.JSON)
                .body("{\"date\":\"" + date + "\",\"minutes\":" + minutes + ",\"description\":\"" + description + "\"}")
                .post("/api/v1/engagements/" + engagement + "/time-entries").then().statusCode(201).extract().path("id"));
    }

    public void approveWeek(UUID engagement, LocalDate monday) {
        given().auth().oauth2(clientToken).contentType(ContentType.JSON)
                .post("/api/v1/engagements/" + engagement + "/weeks/" + monday + "/approve").then().statusCode(200);
    }

    /** An hourly engagement at 47.50 with 10 approved hours: a 475.00 draft. */
    public UUID draftOf475() {
        UUID engagement = hourly("47.50");
        logTime(engagement, MONDAY, 360, "Transcription du procès-verbal");
        logTime(engagement, MONDAY.plusDays(2), 240, "Mise en page du rapport");
        approveWeek(engagement, MONDAY);
        return UUID.fromString(given().auth().oauth2(secretaryToken).contentType(ContentType.JSON)
                .body("{\"engagementId\":\"" + engagement + "\"}")
                .post("/api/v1/invoices").then().statusCode(201).extract().path("id"));
    }

    public UUID fixedDraft(UUID engagement, String amount) {
        return UUID.fromString(given().auth().oauth2(secretaryToken).contentType(ContentType.JSON)
                .body("{\"engagementId\":\"" + engagement + "\",\"milestones\":[{\"description\":\"Jalon\",\"amount\":\"" + amount + "\"}]}")
                .post("/api/v1/invoices").then().statusCode(201).extract().path("id"));
    }

    public JsonPath issue(UUID invoice) {
        return given().auth().oauth2(secretaryToken).post("/api/v1/invoices/" + invoice + "/issue")
                .then().statusCode(200).extract().jsonPath();
    }

    public static int thisYear() {
        return LocalDate.now(java.time.ZoneId.of("America/Toronto")).getYear();
    }
}

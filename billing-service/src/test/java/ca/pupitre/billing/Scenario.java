package ca.pupitre.billing;

import static io.restassured.RestAssured.given;

import ca.pupitre.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A fresh client and secretary for one test, and the steps that bring them to an engagement, time,
 * drafts and issued invoices through the public API (matching-service answers from the fake).
 */
public final class Scenario {

    public static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    public static final String GST = "123456789 RT0001";
    public static final String QST = "1234567890 TQ0001";

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
        fake("/__fake/invitations/" + id, "{\"id\":\"" + id + "\",\"requestId\":\"" + UUID.randomUUID() + "\",\"offerId\":\""
                + UUID.randomUUID() + "\",\"clientId\":\"" + client + "\",\"secretaryId\":\"" + secretary + "\",\"state\":\""
                + state + "\",\"message\":\"Bonjour\",\"createdAt\":\"2026-11-20T14:00:00Z\",\"answeredAt\":null}");
    }

    /** Makes matching-service answer a bare status for this invitation. */
    public static void invitationStatus(UUID id, int status) {
        fake("/__fake/invitations/" + id + "/status/" + status, "");
    }

    /** Makes matching-service answer this invitation only after {@code millis}. */
    public static void invitationDelay(UUID id, long millis) {
        fake("/__fake/invitations/" + id + "/delay/" + millis, "");
    }

    /** Makes listings-service answer 503 to the next {@code times} featured calls for this listing. */
    public static void failListing(UUID listing, int times) {
        fake("/__fake/listings/" + listing + "/fail/" + times, "");
    }

    /** Makes matching-service answer 503 to the next {@code times} conversion calls for this referral code. */
    public static void failReferral(String code, int times) {
        fake("/__fake/referrals/" + code + "/fail/" + times, "");
    }

    /** Makes matching-service answer this status to every conversion call for this referral code. */
    public static void referralStatus(String code, int status) {
        fake("/__fake/referrals/" + code + "/status/" + status, "");
    }

    /** The listing belongs to {@code owner} (by default a fake listing belongs to whoever asks). */
    public static void listingOwnedBy(UUID listing, UUID owner) {
        fake("/__fake/listing-owners/" + listing + "/" + owner, "");
    }

    public static void listingMissing(UUID listing) {
        fake("/__fake/listing-owners/" + listing + "/missing", "");
    }

    public static String fakeGet(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fakeUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fake(String path, String body) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fakeUrl() + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("fake answered " + r.statusCode());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fakeUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.matching.url", String.class);
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

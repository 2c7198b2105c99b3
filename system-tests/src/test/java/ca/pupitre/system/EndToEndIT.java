package ca.pupitre.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import ca.pupitre.launcher.RunningStack;
import ca.pupitre.launcher.Secrets;
import ca.pupitre.launcher.ServiceModule;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The four packaged services and the web app, started as ./run.sh starts them (same launcher), on a real embedded
 * PostgreSQL, driven through the gateway only: every call below goes to the gateway's port.
 * Each journey signs in and makes what it needs itself, so one failure does not cascade; the order only keeps the
 * last one, which stops billing, last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static RunningStack stack;
    private static Secrets secrets;

    private static TestStacks.Started started;
    private static OtlpCollector collector;

    @BeforeAll
    static void startEverything() {
        collector = new OtlpCollector();
        // as a cluster runs it: every service logs one JSON object per line (the README's PUPITRE_LOG_JSON) and
        // exports its spans to an OpenTelemetry collector (PUPITRE_OTLP_ENDPOINT)
        started = TestStacks.start("e2e", config -> config.env("PUPITRE_LOG_JSON", "true")
                .env("PUPITRE_OTLP_ENDPOINT", collector.endpoint()));
        stack = started.stack();
        secrets = started.secrets();
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    private static RequestSpecification gateway() {
        return given().baseUri(stack.gatewayUrl().toString());
    }

    @Test
    @Order(1)
    void registersSignsInAndReadsTheAccountThroughTheGateway() {
        String email = "josee-" + UUID.randomUUID() + "@example.ca";
        gateway().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "trente ans de métier", "displayName", "Josée Picard",
                        "role", "SECRETARY", "locale", "fr-CA"))
                .post("/api/v1/auth/register").then().statusCode(201).body("id", notNullValue())
                .body("emailVerified", equalTo(false));
        // the verification link arrives in the stack's dev mailbox (a real SMTP round trip into the gateway)
        verifyThroughMailbox(email);
        String accessToken = gateway().contentType(ContentType.JSON).body(Map.of("email", email, "password", "trente ans de métier"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        gateway().auth().oauth2(accessToken).get("/api/v1/me").then().statusCode(200)
                .body("email", equalTo(email)).body("role", equalTo("SECRETARY")).body("emailVerified", equalTo(true));
    }

    @Test
    @Order(2)
    void healthAndOpenApiOnlyOnTheManagementPortsAndSwaggerUiOnTheGateway() {
        for (ServiceModule s : ServiceModule.values()) {
            given().baseUri(stack.managementUrl(s).toString()).get("/q/health/ready").then().statusCode(200);
            given().baseUri(stack.url(s).toString()).get("/q/health/ready").then().statusCode(404);
            if (s != ServiceModule.WEB) {
                given().baseUri(stack.managementUrl(s).toString()).get("/q/metrics").then().statusCode(200);
            }
        }
        gateway().get("/q/metrics").then().statusCode(404);
        gateway().get("/q/openapi").then().statusCode(404);
        // the merged public document is built from every management port, and Swagger UI shows it
        gateway().get("/api/v1/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/listings"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/alerts"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/invoices"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("x-pupitre-unavailable")));
        gateway().redirects().follow(true).get("/api/v1/docs/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    @Order(2)
    void reachesListingsThroughTheGateway() {
        gateway().header("X-Request-Id", "e2e-listings").get("/api/v1/skills")
                .then().statusCode(200).header("X-Request-Id", "e2e-listings");
    }

    @Test
    @Order(3)
    void reachesMatchingWithTheGatewaysTokenVerifiedByTheService() {
        String accessToken = started.signIn("SECRETARY");
        gateway().auth().oauth2(accessToken).contentType(ContentType.JSON)
                .body(Map.of("name", "Traduction", "skills", List.of("translation"), "frequency", "DAILY"))
                .post("/api/v1/alerts").then().statusCode(201);
        gateway().auth().oauth2(accessToken).get("/api/v1/alerts").then().statusCode(200)
                .body("items.name", hasItem("Traduction"));
    }

    @Test
    @Order(4)
    void reachesBillingThroughTheGateway() {
        String accessToken = started.signIn("CLIENT");
        gateway().auth().oauth2(accessToken).queryParam("subtotal", "475.00").queryParam("clientProvince", "QC")
                .queryParam("date", "2026-11-27").get("/api/v1/tax/quote")
                .then().statusCode(200).body("total", equalTo("546.13"));
    }

    @Test
    @Order(5)
    void servicesAcceptServiceTokensFromTheGatewayAndRefuseAnonymousCalls() {
        String serviceToken = gateway().contentType(ContentType.JSON)
                .body(Map.of("clientId", "matching", "clientSecret", secrets.serviceSecrets().get("matching")))
                .post("/api/v1/auth/service-token").then().statusCode(200).extract().path("access_token");
        // A SERVICE token is not a person: billing's quote is for signed-in people only.
        given().baseUri(stack.url(ServiceModule.BILLING).toString()).auth().oauth2(serviceToken)
                .queryParam("subtotal", "1.00").queryParam("clientProvince", "QC").get("/api/v1/tax/quote")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        // Even on the private network, a service answers nothing to a caller without a token.
        given().baseUri(stack.url(ServiceModule.MATCHING).toString()).get("/api/v1/alerts")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    @Order(6)
    void oneOpenApiDocumentCoversEveryService() {
        gateway().get("/api/v1/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/auth/register"))
                .body("paths.keySet()", hasItem("/api/v1/alerts"))
                .body("paths.keySet()", hasItem("/api/v1/tax/quote"))
                .body("paths.keySet()", hasItem("/api/v1/skills"))
                // what services call on each other is in the internal document only
                .body("paths.keySet()", org.hamcrest.Matchers.not(hasItem("/api/v1/listings/changes")))
                .body("paths.keySet()", org.hamcrest.Matchers.not(hasItem("/api/v1/engagements/{id}/review-eligibility")));
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void everyOperationHasItsOwnOperationIdForGeneratedClients() {
        Map<String, Object> publicPaths = gateway().get("/api/v1/openapi").then().statusCode(200).extract().path("paths");
        Map<String, Object> internalPaths = gateway().auth().oauth2(started.adminToken()).get("/api/v1/openapi/internal")
                .then().statusCode(200).extract().path("paths");
        List<String> missing = new java.util.ArrayList<>();
        Map<String, String> seen = new java.util.HashMap<>();
        List<String> duplicates = new java.util.ArrayList<>();
        for (Map<String, Object> paths : List.of(publicPaths, internalPaths)) {
            paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, operation) -> {
                if (!List.of("get", "post", "put", "patch", "delete", "head").contains(method)) {
                    return;
                }
                String where = method.toUpperCase() + " " + path;
                Object id = ((Map<String, Object>) operation).get("operationId");
                if (id == null) {
                    missing.add(where);
                } else if (seen.putIfAbsent(id.toString(), where) != null) {
                    duplicates.add(id + ": " + seen.get(id.toString()) + " and " + where);
                }
            }));
        }
        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(duplicates).as("operationIds given twice").isEmpty();
        // stable: a generated client's method names change only when this list is changed on purpose
        Map<String, String> expected = new java.util.TreeMap<>();
        try (java.io.InputStream list = EndToEndIT.class.getResourceAsStream("/openapi-operation-ids.tsv")) {
            new String(list.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .forEach(row -> expected.put(row[0], row[1] + " " + row[2]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(new java.util.TreeMap<>(seen)).as("operationIds, against openapi-operation-ids.tsv").isEqualTo(expected);
    }

    @Test
    @Order(6)
    void everyServiceLogsOneJsonObjectPerLineWhenAskedTo() throws java.io.IOException {
        gateway().header("X-Request-Id", "e2e-json-logs").get("/api/v1/skills").then().statusCode(200);
        for (ServiceModule s : ServiceModule.values()) {
            List<String> lines = java.nio.file.Files.readAllLines(stack.logFile(s)).stream()
                    .filter(line -> !line.startsWith("=== ")) // the launcher's own header line
                    .filter(line -> !line.isBlank()).toList();
            assertThat(lines).as(s.module() + " logged at start").isNotEmpty();
            for (String line : lines) {
                io.restassured.path.json.JsonPath json;
                try {
                    json = io.restassured.path.json.JsonPath.from(line);
                    json.getMap("$");
                } catch (RuntimeException notJson) {
                    throw new AssertionError(s.module() + " wrote a line that is not a JSON object: " + line, notJson);
                }
                assertThat(json.getString("level")).as(line).isNotBlank();
                assertThat(json.getString("loggerName")).as(line).isNotBlank();
                assertThat(json.getString("timestamp")).as(line).isNotBlank();
            }
        }
    }

    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void everyPublicPathOfEveryServiceIsRoutedByTheGateway() {
        Map<String, Object> paths = gateway().get("/api/v1/openapi").then().statusCode(200).extract().path("paths");
        List<String> gatewayOwn = List.of("/api/v1/auth", "/api/v1/me", "/api/v1/openapi", "/api/v1/partners", "/.well-known",
                "/api/v1/admin", "/api/v1/dev");
        List<String> unrouted = new java.util.ArrayList<>();
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (gatewayOwn.stream().anyMatch(path.getKey()::startsWith)) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String method : ((Map<String, Object>) path.getValue()).keySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                String via = gateway().contentType(ContentType.JSON).body("{}").request(method.toUpperCase(), concrete)
                        .then().extract().header("Via");
                if (via == null || !via.contains("pupitre-gateway")) {
                    unrouted.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertThat(paths).hasSizeGreaterThan(20);
        assertThat(unrouted).as("paths the gateway does not route to any service").isEmpty();
    }

    @Test
    @Order(8)
    void theBusinessSignalsTheDashboardShowsAreExposed() {
        publish(signIn("SECRETARY"), "Saisie de données comptables", "35.00");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(metrics(ServiceModule.LISTINGS)).contains("pupitre_listings_published_total{kind=\"OFFER\"}")
                    .contains("pupitre_search_index_documents");
            assertThat(metrics(ServiceModule.MATCHING)).contains("pupitre_matching_feed_lag_seconds");
            assertThat(metrics(ServiceModule.BILLING)).contains("pupitre_outbox_backlog");
            assertThat(metrics(ServiceModule.GATEWAY)).contains("pupitre_gateway_relay_lane_total");
        });
    }

    private static String metrics(ServiceModule s) {
        return given().baseUri(stack.managementUrl(s).toString()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String signIn(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.ca";
        gateway().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "trente ans de métier", "displayName", "E2E " + role, "role", role))
                .post("/api/v1/auth/register").then().statusCode(201);
        // publishing needs a verified address
        verifyThroughMailbox(email);
        return gateway().contentType(ContentType.JSON).body(Map.of("email", email, "password", "trente ans de métier"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    /** Reads the verification link in the stack's dev mailbox, as the person would in her inbox, and follows it. */
    private static void verifyThroughMailbox(String email) {
        started.verifyThroughMailbox(email);
    }

    private static String publish(String token, String title, String amount) {
        String id = gateway().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("title", Map.of("fr", title), "description", Map.of("fr", title + " : travail soigné, délais respectés."),
                        "skills", List.of("translation", "layout"), "languages", List.of("fr", "en"),
                        "pricing", Map.of("unit", "HOUR", "amount", amount), "hoursPerWeek", 10, "remote", true))
                .post("/api/v1/listings").then().statusCode(201).extract().path("id");
        gateway().auth().oauth2(token).post("/api/v1/listings/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    @Order(8)
    void aPublishedRequestIsMatchedWithAPublishedOfferAcrossServices() throws Exception {
        String secretary = signIn("SECRETARY");
        String client = signIn("CLIENT");
        String offer = publish(secretary, "Traduction et mise en page", "38.00");
        String request = publish(client, "Traduire et mettre en page nos actes", "45.00");
        // listings -> change feed (matching's SERVICE token from the gateway) -> matching's copy -> ranking
        // (404 for the request until matching has copied it: polled, within 40 s)
        List<String> offers = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> {
                    io.restassured.response.Response matches = gateway().auth().oauth2(client)
                            .header("Accept-Language", "fr-CA").queryParam("requestId", request).get("/api/v1/matches");
                    return matches.statusCode() == 200 ? matches.jsonPath().<String>getList("items.offerId") : List.<String>of();
                }, found -> found.contains(offer));
        assertThat(offers).as("offers matched to the request").contains(offer);
    }

    @Test
    @Order(8)
    void oneRequestIsOneTraceFromTheGatewayThroughBillingAndListingsDownToTheDatabase() {
        String secretary = signIn("SECRETARY");
        String offer = publish(secretary, "Mise en page de rapports annuels", "42.00");
        String traceId = randomHex(16);
        String callersSpan = randomHex(8);
        // billing asks listings whether the offer is hers before anything else (then answers 409: she has no billing
        // profile to be invoiced the promotion at)
        gateway().auth().oauth2(secretary).header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                .contentType(ContentType.JSON).body(Map.of("listingId", offer, "days", 7)).post("/api/v1/promotions")
                .then().statusCode(409).body("code", equalTo("BUYER_PROFILE_REQUIRED"));

        // each app exports its spans in batches, a few seconds apart
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            List<OtlpCollector.ExportedSpan> trace = collector.trace(traceId);
            assertThat(trace).as("trace %s among %s", traceId, collector).isNotEmpty();
            OtlpCollector.ExportedSpan gatewayIn = one(trace, "gateway", "SERVER", span -> span.parentSpanId().equals(callersSpan));
            OtlpCollector.ExportedSpan gatewayOut = one(trace, "gateway", "CLIENT", span -> span.isChildOf(gatewayIn));
            OtlpCollector.ExportedSpan billingIn = one(trace, "billing", "SERVER", span -> span.isChildOf(gatewayOut));
            assertThat(billingIn.attributes()).containsEntry("http.route", "/api/v1/promotions");
            OtlpCollector.ExportedSpan billingOut = one(trace, "billing", "CLIENT", span -> span.attributes()
                    .getOrDefault("url.full", "").contains("/api/v1/listings/" + offer));
            OtlpCollector.ExportedSpan listingsIn = one(trace, "listings", "SERVER", span -> span.isChildOf(billingOut));
            assertThat(trace).as("listings read the offer from its database, in the same trace")
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo("listings");
                        assertThat(span.attributes()).containsEntry("db.system", "postgresql");
                    });
            assertThat(listingsIn.attributes()).containsEntry("http.route", "/api/v1/listings/{id}");
        });
    }

    @Test
    @Order(8)
    void aCallMadeWithTheJdkClientJoinsTheTraceAndTheLogLineCarriesItsId() throws java.io.IOException {
        String secretary = signIn("SECRETARY");
        String secretaryId = gateway().auth().oauth2(secretary).get("/api/v1/me").then().statusCode(200).extract().path("id");
        String traceId = randomHex(16);
        // the gateway asks listings (java.net.http, not instrumented by OpenTelemetry) to hide her listings
        gateway().auth().oauth2(started.adminToken()).header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .contentType(ContentType.JSON).body(Map.of("reason", "Test du traçage")).post("/api/v1/admin/accounts/" + secretaryId + "/disable")
                .then().statusCode(200);

        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(collector.trace(traceId))
                .as("trace %s among %s", traceId, collector).anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("listings");
                    assertThat(span.kind()).isEqualTo("SERVER");
                    assertThat(span.attributes()).containsEntry("http.route", "/api/v1/listings/owners/{ownerId}/suspension");
                }));
        List<String> disabled = java.nio.file.Files.readAllLines(stack.logFile(ServiceModule.GATEWAY)).stream()
                .filter(line -> line.contains("Account " + secretaryId + " disabled")).toList();
        assertThat(disabled).hasSize(1);
        io.restassured.path.json.JsonPath line = io.restassured.path.json.JsonPath.from(disabled.get(0));
        assertThat(line.getString("mdc.traceId")).isEqualTo(traceId);
        assertThat(line.getString("mdc.requestId")).isNotBlank();
    }

    private static OtlpCollector.ExportedSpan one(List<OtlpCollector.ExportedSpan> trace, String service, String kind,
            java.util.function.Predicate<OtlpCollector.ExportedSpan> which) {
        List<OtlpCollector.ExportedSpan> found = trace.stream()
                .filter(span -> span.service().equals(service) && span.kind().equals(kind)).filter(which).toList();
        assertThat(found).as("%s %s span in %s", service, kind, trace).hasSize(1);
        return found.get(0);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    @Test
    @Order(9)
    void aPersonExportsHerDataFromEveryServiceThenClosesHerAccountAndIsErasedEverywhere() {
        String email = "law25-" + UUID.randomUUID() + "@example.ca";
        gateway().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "trente ans de métier", "displayName", "Lise Gagnon", "role", "SECRETARY"))
                .post("/api/v1/auth/register").then().statusCode(201);
        verifyThroughMailbox(email);
        var session = gateway().contentType(ContentType.JSON).body(Map.of("email", email, "password", "trente ans de métier"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().jsonPath();
        String token = session.getString("access_token");
        String listing = publish(token, "Tenue de livres pour notaires, Lise", "41.00");
        gateway().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Notaires", "q", "notaire", "frequency", "DAILY")).post("/api/v1/alerts").then().statusCode(201);
        gateway().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Lise Gagnon", "address", "12, rue du Pont, Rimouski", "province", "QC", "smallSupplier", true))
                .put("/api/v1/billing/profile").then().statusCode(200);

        // the export: one JSON document with what every service holds
        gateway().auth().oauth2(token).get("/api/v1/me/export").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment"))
                .body("format", equalTo("pupitre-personal-data/1"))
                .body("account.email", equalTo(email)).body("account.displayName", equalTo("Lise Gagnon"))
                .body("listings.listings.id", hasItem(listing))
                .body("matching.alerts.name", hasItem("Notaires"))
                .body("billing.billingProfile.legalName", equalTo("Lise Gagnon"));
        gateway().get("/api/v1/me/export").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));

        gateway().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("password", "pas le bon mot de passe"))
                .delete("/api/v1/me").then().statusCode(403).body("code", equalTo("WRONG_PASSWORD"));
        gateway().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("password", "trente ans de métier"))
                .delete("/api/v1/me").then().statusCode(204);

        // she is gone: no sign-in, no refresh, no listing, no profile; her address is free again
        gateway().contentType(ContentType.JSON).body(Map.of("email", email, "password", "trente ans de métier"))
                .post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        gateway().contentType(ContentType.JSON).body(Map.of("refresh_token", session.getString("refresh_token")))
                .post("/api/v1/auth/refresh").then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        gateway().get("/api/v1/listings/" + listing).then().statusCode(404);
        gateway().auth().oauth2(token).get("/api/v1/me").then().statusCode(404);
        gateway().auth().oauth2(token).get("/api/v1/billing/profile").then().statusCode(404);
        gateway().auth().oauth2(token).get("/api/v1/alerts").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(0));
        gateway().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "trente ans de métier", "displayName", "Lise G.", "role", "CLIENT"))
                .post("/api/v1/auth/register").then().statusCode(201);
    }

    // ---- the web app, through the gateway like any browser

    @Test
    @Order(50)
    void aSecretarySignsUpVerifiesHerAddressAndPublishesAnOfferOnTheWebApp() {
        WebVisitor josee = new WebVisitor(stack.gatewayUrl().toString(), "fr-CA");
        assertThat(WebVisitor.location(josee.get("/"))).isEqualTo("/fr/");
        josee.get("/fr/").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("Le télésecrétariat, enfin facile à trouver"));
        String email = "josee-web-" + UUID.randomUUID() + "@example.ca";
        // a refused form comes back with the API's field error next to the field and what was typed kept
        josee.submit("/fr/inscription", "/fr/inscription", Map.of("role", "SECRETARY", "displayName", "Josée Web",
                "email", email, "password", "court")).then().statusCode(422)
                .body(containsString("id=\"password-error\""))
                .body(containsString("value=\"Josée Web\""))
                .body(containsString("Veuillez corriger les champs indiqués."));
        Response signedUp = josee.submit("/fr/inscription", "/fr/inscription", Map.of("role", "SECRETARY",
                "displayName", "Josée Web", "email", email, "password", "trente ans de métier"));
        assertThat(signedUp.statusCode()).isEqualTo(303);
        assertThat(WebVisitor.location(signedUp)).isEqualTo("/fr/compte?welcome=1");
        assertThat(signedUp.getDetailedCookie("pupitre_session").isHttpOnly()).isTrue();
        assertThat(signedUp.getDetailedCookie("pupitre_session").isSecured()).isTrue();
        assertThat(signedUp.getHeaders().getValues("Set-Cookie")).filteredOn(c -> c.startsWith("pupitre_session="))
                .singleElement().asString().contains("SameSite=Lax");
        josee.get("/fr/compte?welcome=1").then().statusCode(200).body(containsString("Bonjour, Josée Web"))
                .body(containsString("pas encore confirmée"));

        // the e-mail's link opens the web app, whose page spends the token with a button (POST)
        String link = mailboxText(email).replaceAll("(?s).*?(https?://\\S*verifier-courriel\\?token=[A-Za-z0-9_-]+).*", "$1");
        String linkPath = link.replaceFirst("^https?://[^/]+", "");
        String page = WebVisitor.location(josee.get(linkPath));
        assertThat(page).startsWith("/fr/verifier-courriel?token=");
        josee.submit(page, "/fr/verifier-courriel", Map.of("token", page.substring(page.indexOf('=') + 1)))
                .then().statusCode(200).body(containsString("Votre adresse courriel est confirmée"));

        Response created = josee.submit("/fr/compte/annonces/nouvelle", "/fr/compte/annonces/nouvelle", Map.of(
                "titleFr", "Transcription médicale </script> pour cliniques", "titleEn", "Medical transcription for clinics",
                "descriptionFr", "Dictées de médecins transcrites en 24 h, terminologie médicale.",
                "skills", "transcription", "languages", "fr", "amount", "38.00", "unit", "HOUR", "remote", "true",
                "publish", "1"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        String webListingPath = WebVisitor.location(created);
        assertThat(webListingPath).matches("/fr/annonces/[0-9a-f-]{36}");
        josee.get(webListingPath).then().statusCode(200)
                .body(containsString("<h1 lang=\"fr-CA\">Transcription médicale &lt;/script&gt; pour cliniques</h1>"))
                .body(containsString("38,00\u00a0$ à l&#39;heure"))
                .body(containsString("Aucun avis pour l&#39;instant"));
        josee.get("/fr/compte").then().statusCode(200).body(containsString("Publiée"));

        // signing out revokes the session: the account page asks to sign in again
        josee.submit("/fr/compte", "/fr/deconnexion", Map.of()).then().statusCode(303);
        assertThat(josee.hasCookie("pupitre_session")).isFalse();
        assertThat(WebVisitor.location(josee.get("/fr/compte"))).startsWith("/fr/connexion?next=");
    }

    @Test
    @Order(51)
    void aClientFindsHerInPlainWordsInBothLanguagesAndFeedLinksLandOnHerPage() {
        // her own listing, as the web journey above publishes one (each journey stands alone)
        String secretary = started.signIn("SECRETARY");
        String published = gateway().auth().oauth2(secretary).contentType(ContentType.JSON)
                .body(Map.of("title", Map.of("fr", "Transcription médicale pour cliniques", "en", "Medical transcription for clinics"),
                        "description", Map.of("fr", "Dictées de médecins transcrites en 24 h, terminologie médicale."),
                        "skills", List.of("transcription"), "languages", List.of("fr"),
                        "pricing", Map.of("unit", "HOUR", "amount", "38.00"), "remote", true))
                .post("/api/v1/listings").then().statusCode(201).extract().path("id");
        gateway().auth().oauth2(secretary).post("/api/v1/listings/" + published + "/publish").then().statusCode(200);
        String webListingPath = "/fr/annonces/" + published;
        WebVisitor client = new WebVisitor(stack.gatewayUrl().toString(), "en-CA");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() ->
                client.get("/fr/annonces?q=transcrire les dictées de notre clinique").then().statusCode(200)
                        .body(containsString("href=\"" + webListingPath + "\"")));
        String id = webListingPath.substring(webListingPath.lastIndexOf('/') + 1);
        client.get("/en/listings?q=medical transcription&kind=OFFER").then().statusCode(200)
                .body(containsString("href=\"/en/listings/" + id + "\""))
                .body(containsString("Medical transcription for clinics"));
        client.get("/en/listings/" + id).then().statusCode(200)
                .body(containsString("$38.00 per hour"))
                .body(containsString("<link rel=\"alternate\" hreflang=\"fr-CA\""));
        // a partner board's visit link counts the click, then lands on the web app's page in the reader's language
        Response visit = client.get("/api/v1/listings/" + id + "/visit?partner=indeed-qc");
        assertThat(visit.statusCode()).isEqualTo(303);
        assertThat(WebVisitor.location(visit)).isEqualTo("/annonces/" + id);
        assertThat(WebVisitor.location(client.get("/annonces/" + id))).isEqualTo("/en/listings/" + id);
        // search engines: the listing is in the sitemap
        client.get("/sitemap.xml").then().statusCode(200).body(containsString("/fr/annonces/" + id + "</loc>"));
    }

    @Test
    @Order(52)
    void aRequestPageCarriesItsJobPostingWithoutBreakingOutOfTheScript() {
        String email = "client-web-" + UUID.randomUUID() + "@example.ca";
        gateway().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "trente ans de métier", "displayName", "Étude Web", "role", "CLIENT"))
                .post("/api/v1/auth/register").then().statusCode(201);
        verifyThroughMailbox(email);
        WebVisitor client = new WebVisitor(stack.gatewayUrl().toString(), "fr-CA");
        assertThat(client.submit("/fr/connexion", "/fr/connexion", Map.of("email", email, "password", "mauvais mot de passe"))
                .statusCode()).isEqualTo(401);
        Response signedIn = client.submit("/fr/connexion?next=%2Ffr%2Fcompte%2Fannonces%2Fnouvelle", "/fr/connexion",
                Map.of("email", email, "password", "trente ans de métier", "next", "/fr/compte/annonces/nouvelle"));
        assertThat(WebVisitor.location(signedIn)).isEqualTo("/fr/compte/annonces/nouvelle");
        Response created = client.submit("/fr/compte/annonces/nouvelle", "/fr/compte/annonces/nouvelle", Map.of(
                "titleFr", "Urgent </script><script>alert(1)</script> saisie de textes",
                "descriptionFr", "Saisie de 40 pages de procès-verbaux.", "skills", "data-entry", "languages", "fr",
                "amount", "30.00", "unit", "HOUR", "remote", "true", "publish", "1"));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        String html = client.get(WebVisitor.location(created)).then().statusCode(200).extract().asString();
        String jsonLd = html.replaceAll("(?s).*<script type=\"application/ld\\+json\">(.*?)</script>.*", "$1");
        assertThat(jsonLd).contains("\"@type\":\"JobPosting\"").contains("\\u003c/script\\u003e")
                .doesNotContain("</script>", "<script>");
        assertThat(html).doesNotContain("<script>alert(1)");
    }

    private static String mailboxText(String email) {
        return started.newestMailTo(email);
    }

    @Test
    @Order(100)
    void aServiceThatIsDownGivesA503ProblemWithinTwoSeconds() throws Exception {
        String accessToken = started.signIn("CLIENT");
        ProcessHandle billing = ProcessHandle.of(stack.pid(ServiceModule.BILLING)).orElseThrow();
        billing.destroy();
        billing.onExit().get();
        long start = System.nanoTime();
        gateway().auth().oauth2(accessToken).queryParam("subtotal", "1.00").queryParam("clientProvince", "QC")
                .get("/api/v1/tax/quote")
                .then().statusCode(503).contentType("application/problem+json").body("code", equalTo("SERVICE_UNAVAILABLE"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }
}

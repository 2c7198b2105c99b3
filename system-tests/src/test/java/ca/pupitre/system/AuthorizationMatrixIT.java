package ca.pupitre.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.pupitre.launcher.RunningStack;
import ca.pupitre.launcher.Secrets;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's proof of authorization: every operation of the gateway's OpenAPI document, called by seven
 * callers (anonymous, the owner of what the path names, another person of the owner's role, a person of the
 * other role, a partner with its API key, a service, an admin), on the stack ./run.sh starts, through the
 * gateway only. The service is listings, with the SERVICE token the gateway mints for it: no operation trusts
 * that service in particular, so it stands for "some other service". The expected outcome of each cell is in {@code authorization-matrix.tsv}, written by reading
 * the code as an attacker would; an operation without a row fails the test, as does a row without an
 * operation (except rows whose note starts with {@code alias:}: a path the gateway also answers, with no
 * document entry of its own).
 *
 * <p>Cells: {@code +} the call passes authorization (any answer but 401 and 403; not 404 either, unless the
 * row is public and the thing named does not exist); {@code 401}; {@code -} refused: 403, or 404 that hides
 * the thing, or 422 whose code says the referenced thing was not found (a body naming someone else's
 * resource); {@code x} refused whatever the token: the payment webhook is authenticated by its signature.
 *
 * <p>State: a refused call must change nothing, so refused cells share one set of fixtures. A call that is
 * allowed and writes gets fresh fixtures of its own (the people are shared), so that one cell's write (a
 * listing closed, an invitation accepted) never decides another cell's answer.
 */
class AuthorizationMatrixIT {

    private static final String PASSWORD = "trente ans de métier";
    private static final List<String> CALLERS = List.of("anon", "owner", "same", "other", "partner", "service", "admin");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private static RunningStack stack;
    private static Secrets secrets;

    private static Person secretary;
    private static Person secretary2;
    private static Person client;
    private static Person client2;
    private static String adminToken;
    private static String serviceToken;
    private static Partner partner;
    private static Partner partner2;

    record Person(String id, String email, String role, String token) {
    }

    record Partner(String id, String apiKey, String prefix) {
    }

    record Row(int line, String method, String path, String owner, List<String> expected, String note) {
        boolean pdf() {
            return note.contains("application/pdf");
        }

        String operation() {
            return method + " " + path;
        }

        /** The role this row is meant for, for "self" and owner-less rows. */
        String ownerRole() {
            if (owner.contains("client") || note.contains("self = a client")) {
                return "CLIENT";
            }
            return "SECRETARY";
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    @BeforeAll
    static void startEverything() throws Exception {
        TestStacks.Started started = TestStacks.start("authz", config -> config
                // what production sets, so that promotions and webhooks answer as they would there
                .env("PUPITRE_GST_NUMBER", "123456789 RT0001").env("PUPITRE_QST_NUMBER", "1234567890 TQ0001")
                .env("PUPITRE_BILLING_WEBHOOK_SECRET", "authz-matrix-webhook-secret-" + UUID.randomUUID())
                // one client sends an invitation per cell that needs one: a rate limit, not an authorization rule
                .env("PUPITRE_MATCHING_INVITATIONS_DAILY_LIMIT_PER_CLIENT", "1000")
                // matching copies new listings from listings' change feed every 5 s; fixtures wait for it less often
                .env("PUPITRE_MATCHING_FEED_POLL", "300ms"));
        stack = started.stack();
        secrets = started.secrets();
        adminToken = signIn(secrets.adminEmail(), secrets.adminPassword());
        secretary = person("SECRETARY");
        secretary2 = person("SECRETARY");
        client = person("CLIENT");
        client2 = person("CLIENT");
        serviceToken = gateway().contentType(ContentType.JSON)
                .body(Map.of("clientId", "listings", "clientSecret", secrets.serviceSecrets().get("listings")))
                .post("/api/v1/auth/service-token").then().statusCode(200).extract().path("access_token");
        partner = partner();
        partner2 = partner();
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyOperationOfTheDocumentHasARowAndEveryRowAnOperation() {
        Set<String> documented = documentedOperations();
        Set<String> rows = new TreeSet<>();
        for (Row row : rows()) {
            if (!row.note().startsWith("alias:")) {
                rows.add(row.operation());
            }
        }
        assertThat(new TreeSet<>(minus(documented, rows))).as("operations with no row in authorization-matrix.tsv").isEmpty();
        assertThat(new TreeSet<>(minus(rows, documented))).as("rows naming no documented operation").isEmpty();
    }

    @Test
    void everyCellHolds() {
        World shared = new World();
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Row row : rows()) {
            for (int c = 0; c < CALLERS.size(); c++) {
                String expected = row.expected().get(c);
                String caller = CALLERS.get(c);
                World world = row.writes() && expected.equals("+") ? new World() : shared;
                Response answer;
                try {
                    answer = call(row, caller, world);
                } catch (AssertionError | RuntimeException fixture) {
                    throw new AssertionError("line " + row.line() + " " + row.operation() + " as " + caller
                            + ": could not build what the call needs: " + fixture.getMessage(), fixture);
                }
                cells++;
                if (!holds(row, expected, answer)) {
                    wrong.add(String.format("line %d %s %s as %s: expected %s, got %d %s", row.line(), row.operation(),
                            row.pdf() ? "(pdf)" : "", caller, expected, answer.statusCode(), code(answer)));
                }
            }
        }
        System.out.printf("authorization matrix: %d operations x %d callers = %d cells, %d wrong%n", rows().size(),
                CALLERS.size(), cells, wrong.size());
        assertThat(wrong).as("cells that do not hold").isEmpty();
    }

    // ---- the table -------------------------------------------------------------------------------------

    private static List<Row> rows;

    static synchronized List<Row> rows() {
        if (rows != null) {
            return rows;
        }
        List<Row> loaded = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/authorization-matrix.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].split("\t", -1);
                assertThat(f.length).as("columns of line %d", i + 1).isGreaterThanOrEqualTo(10);
                List<String> expected = List.of(f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
                for (String cell : expected) {
                    assertThat(cell).as("cell on line %d", i + 1).isIn("+", "-", "401", "x");
                }
                loaded.add(new Row(i + 1, f[0], f[1], f[2], expected, f.length > 10 ? f[10] : ""));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        rows = loaded;
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documentedOperations() {
        // the public document and the internal one (operations the services call on each other)
        Map<String, Object> paths = new java.util.LinkedHashMap<>(
                gateway().get("/api/v1/openapi").then().statusCode(200).extract().path("paths"));
        Map<String, Object> internal = gateway().auth().oauth2(adminToken).get("/api/v1/openapi/internal").then().statusCode(200)
                .extract().path("paths");
        internal.forEach((path, item) -> paths.merge(path, item, (a, b) -> {
            Map<String, Object> both = new java.util.LinkedHashMap<>((Map<String, Object>) a);
            both.putAll((Map<String, Object>) b);
            return both;
        }));
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (String method : ((Map<String, Object>) path.getValue()).keySet()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> left = new LinkedHashSet<>(a);
        left.removeAll(b);
        return left;
    }

    private static boolean holds(Row row, String expected, Response answer) {
        int status = answer.statusCode();
        return switch (expected) {
            case "401" -> status == 401;
            case "x" -> status == 401 || status == 403;
            case "-" -> status == 403 || status == 404 || (status == 422 && code(answer).endsWith("NOT_FOUND"));
            default -> status != 401 && status != 403 && (status != 404 || row.owner().equals("public"));
        };
    }

    private static String code(Response answer) {
        String type = answer.contentType();
        if (type != null && type.contains("json")) {
            try {
                Object code = answer.jsonPath().get("code");
                return code == null ? "" : code.toString();
            } catch (RuntimeException notJson) {
                return "";
            }
        }
        return "";
    }

    // ---- one call ----------------------------------------------------------------------------------------

    /** One cell's call; a partner's rate limit (429) is waited out, it is not the authorization under test. */
    private static Response call(Row row, String caller, World world) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).pollDelay(Duration.ZERO)
                .until(() -> send(row, caller, world), answer -> answer.statusCode() != 429);
    }

    private static Response send(Row row, String caller, World world) {
        Person actor = actor(row, caller);
        RequestSpecification request = gateway().redirects().follow(false);
        switch (caller) {
            case "anon" -> {
            }
            case "partner" -> request.header("X-Api-Key", partnerOf(row, caller).apiKey());
            case "service" -> request.auth().oauth2(serviceToken);
            case "admin" -> request.auth().oauth2(adminToken);
            default -> {
                if (row.owner().equals("partner-self")) {
                    if (caller.equals("other")) {
                        request.auth().oauth2(client.token());
                    } else {
                        request.header("X-Api-Key", partnerOf(row, caller).apiKey());
                    }
                } else {
                    request.auth().oauth2(actor.token());
                }
            }
        }
        if (row.pdf()) {
            request.accept("application/pdf");
        }
        if (row.path().startsWith("/api/v1/listings/{id}") && row.method().equals("PUT") && !row.path().endsWith("featured")) {
            request.header("If-Match", "*");
        }
        String path = resolve(row, caller, actor, world);
        Map<String, Object> query = query(row, caller, actor, world);
        if (!query.isEmpty()) {
            request.queryParams(query);
        }
        String body = body(row, caller, actor, world);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(row.method(), path);
    }

    /** Who acts in this cell (null for anonymous, partner, service, admin). */
    private static Person actor(Row row, String caller) {
        boolean client = row.ownerRole().equals("CLIENT");
        boolean fresh = row.path().startsWith("/api/v1/me") && row.writes();
        return switch (caller) {
            case "owner" -> fresh ? person(row.ownerRole()) : client ? AuthorizationMatrixIT.client : secretary;
            case "same" -> fresh ? person(row.ownerRole()) : client ? client2 : secretary2;
            case "other" -> fresh ? person(client ? "SECRETARY" : "CLIENT") : client ? secretary2 : client2;
            default -> null;
        };
    }

    private static Partner partnerOf(Row row, String caller) {
        return caller.equals("same") ? partner2 : partner;
    }

    private static String resolve(Row row, String caller, Person actor, World world) {
        Matcher m = PARAM.matcher(row.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(param(row, m.group(1), caller, actor, world)));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static String param(Row row, String name, String caller, Person actor, World world) {
        String p = row.path();
        return switch (name) {
            case "paymentId" -> world.payment();
            case "weekStart" -> World.MONDAY.toString();
            case "prefix" -> world.partner().prefix();
            case "code" -> world.referral();
            case "secretaryId" -> secretary.id();
            case "clientId" -> world.blockedClient();
            case "ownerId", "personId" -> world.stranger().id();
            default -> {
                if (p.contains("/partners/{id}/stats")) {
                    yield partner.id();
                } else if (p.startsWith("/api/v1/listings/")) {
                    yield row.owner().startsWith("request") ? world.request() : world.offer();
                } else if (p.startsWith("/api/v1/invitations/")) {
                    yield world.invitation();
                } else if (p.startsWith("/api/v1/engagements/")) {
                    yield world.engagement();
                } else if (p.startsWith("/api/v1/invoices/")) {
                    yield world.invoice();
                } else if (p.startsWith("/api/v1/alerts/")) {
                    yield world.alert();
                } else if (p.startsWith("/api/v1/reviews/")) {
                    yield world.review();
                } else if (p.startsWith("/api/v1/time-entries/")) {
                    yield world.timeEntry();
                } else if (p.startsWith("/api/v1/promotions/")) {
                    yield world.promotion();
                } else if (p.startsWith("/api/v1/partners/")) {
                    // a partner's own stats; otherwise a partner the admin manages (fresh when the call writes)
                    yield p.endsWith("/stats") ? partner.id() : world.partner().id();
                } else if (p.startsWith("/api/v1/admin/accounts/")) {
                    yield world.stranger().id();
                } else if (p.startsWith("/api/v1/me/sessions/")) {
                    yield sessionOf(caller.equals("owner") && actor != null ? actor : secretary);
                }
                throw new IllegalStateException("no value for {" + name + "} in " + p);
            }
        };
    }

    private static Map<String, Object> query(Row row, String caller, Person actor, World world) {
        Map<String, Object> q = new LinkedHashMap<>();
        switch (row.operation()) {
            case "GET /api/v1/matches" -> q.put("requestId", world.request());
            case "GET /api/v1/reviews" -> q.put("secretaryId", secretary.id());
            case "GET /api/v1/tax/quote" -> {
                q.put("subtotal", "100.00");
                q.put("clientProvince", "QC");
            }
            case "GET /api/v1/listings/visit", "GET /api/v1/listings/{id}/visit" -> q.put("partner", partner.id());
            case "GET /api/v1/alerts/unsubscribe", "POST /api/v1/alerts/unsubscribe" -> q.put("token", "no-such-token-" + UUID.randomUUID());
            case "GET /api/v1/admin/accounts" -> q.put("email", secretary.email());
            case "GET /api/v1/dev/mailbox" -> q.put("to", secretary.email());
            case "GET /api/v1/listings" -> q.put("q", "traduction");
            case "GET /api/v1/listings/suggest" -> q.put("q", "trad");
            case "GET /api/v1/billing/reports/taxes", "GET /api/v1/billing/reports/revenue", "GET /api/v1/billing/reports/invoices.csv" -> {
                q.put("from", "2026-01-01");
                q.put("to", "2026-12-31");
            }
            default -> {
            }
        }
        return q;
    }

    private static String body(Row row, String caller, Person actor, World world) {
        Person me = actor != null ? actor : secretary;
        return switch (row.operation()) {
            case "POST /api/v1/partners" -> "{\"name\":\"Partenaire " + UUID.randomUUID() + "\",\"contactEmail\":\"flux@example.ca\","
                    + "\"feeds\":[\"JOBS_JSONLD\"]}";
            case "POST /api/v1/admin/accounts/{id}/disable" -> "{\"reason\":\"Vérification de la matrice\"}";
            case "POST /api/v1/auth/register" -> "{\"email\":\"reg-" + UUID.randomUUID() + "@example.ca\",\"password\":\"" + PASSWORD
                    + "\",\"displayName\":\"Nouvelle\",\"role\":\"CLIENT\"}";
            case "POST /api/v1/auth/verify-email" -> "{\"token\":\"" + "x".repeat(43) + "\"}";
            case "POST /api/v1/auth/password-reset" -> "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.ca\"}";
            case "POST /api/v1/auth/password-reset/confirm" -> "{\"token\":\"" + "y".repeat(43) + "\",\"newPassword\":\"" + PASSWORD + "\"}";
            case "POST /api/v1/auth/token" -> {
                Person fresh = world.stranger();
                yield "{\"email\":\"" + fresh.email() + "\",\"password\":\"" + PASSWORD + "\"}";
            }
            case "POST /api/v1/auth/refresh", "POST /api/v1/auth/logout" -> "{\"refresh_token\":\"" + refreshToken(world.stranger()) + "\"}";
            case "POST /api/v1/auth/service-token" -> "{\"clientId\":\"billing\",\"clientSecret\":\"" + secrets.serviceSecrets().get("billing") + "\"}";
            case "PATCH /api/v1/me" -> "{\"displayName\":\"Nom changé\"}";
            case "POST /api/v1/me/password" -> caller.equals("admin")
                    ? "{\"currentPassword\":\"" + secrets.adminPassword() + "\",\"newPassword\":\"" + secrets.adminPassword() + "\"}"
                    : "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + PASSWORD + "\"}";
            case "DELETE /api/v1/me" -> "{\"password\":\"" + (caller.equals("admin") ? secrets.adminPassword() : PASSWORD) + "\"}";
            case "POST /api/v1/listings" -> listingBody(me.role().equals("CLIENT") ? "Cherche adjointe" : "Adjointe virtuelle");
            case "PUT /api/v1/listings/{id}" -> listingBody("Titre révisé");
            case "POST /api/v1/listings/{id}/close" -> "{\"reason\":\"WITHDRAWN\"}";
            case "POST /api/v1/listings/{id}/hide" -> "{\"reason\":\"Coordonnées dans le titre\"}";
            case "POST /api/v1/listings/{id}/reports" -> "{\"reason\":\"MISCATEGORIZED\",\"comment\":\"Mauvaise catégorie\"}";
            case "PUT /api/v1/listings/{id}/featured" -> "{\"featuredUntil\":\"2030-01-01T00:00:00Z\"}";
            case "PUT /api/v1/listings/owners/{ownerId}/suspension" -> "{}";
            case "POST /api/v1/alerts" -> "{\"name\":\"Veille\",\"q\":\"traduction\",\"frequency\":\"DAILY\"}";
            case "POST /api/v1/blocks" -> "{\"clientId\":\"" + client2.id() + "\"}";
            case "POST /api/v1/invitations" -> "{\"requestId\":\"" + world.request() + "\",\"offerId\":\"" + world.offer()
                    + "\",\"message\":\"Bonjour\"}";
            case "POST /api/v1/invitations/{id}/decline" -> "{\"reason\":\"Pas disponible\"}";
            case "POST /api/v1/invitations/{id}/messages" -> "{\"body\":\"Bonjour\"}";
            case "POST /api/v1/referrals" -> "{\"secretaryId\":\"" + secretary.id() + "\"}";
            case "POST /api/v1/referrals/{code}/conversions" -> "{\"engagementId\":\"" + UUID.randomUUID() + "\",\"secretaryId\":\""
                    + secretary.id() + "\",\"clientId\":\"" + client2.id() + "\"}";
            case "POST /api/v1/reviews" -> "{\"engagementId\":\"" + world.paidEngagement() + "\",\"stars\":5,\"text\":\"Excellent travail.\"}";
            case "POST /api/v1/reviews/{id}/answer" -> "{\"text\":\"Merci !\"}";
            case "POST /api/v1/reviews/{id}/reports" -> "{\"reason\":\"Propos injurieux\"}";
            case "POST /api/v1/reviews/{id}/hide" -> "{\"text\":\"Propos injurieux\"}";
            case "POST /api/v1/engagements" -> "{\"invitationId\":\"" + world.invitation() + "\",\"pricing\":{\"type\":\"HOURLY\",\"rate\":\"45.00\"},"
                    + "\"terms\":\"NET_30\"}";
            case "POST /api/v1/engagements/{id}/time-entries" -> timeEntryBody();
            case "POST /api/v1/engagements/{id}/weeks/{weekStart}/dispute" -> "{\"comment\":\"Heures à revoir\"}";
            case "POST /api/v1/invoices" -> "{\"engagementId\":\"" + world.approvedEngagement() + "\"}";
            case "PUT /api/v1/invoices/{id}" -> "{\"milestones\":[{\"description\":\"Jalon\",\"amount\":\"100.00\"}]}";
            case "POST /api/v1/invoices/{id}/payments" -> "{\"amount\":\"1.00\",\"method\":\"INTERAC\",\"reference\":\"A1\",\"receivedOn\":\""
                    + World.MONDAY + "\"}";
            case "POST /api/v1/invoices/{id}/credit-notes" -> "{\"amount\":\"1.00\",\"reason\":\"Erreur\"}";
            case "POST /api/v1/billing/webhooks/payments" -> "{}";
            case "PUT /api/v1/billing/profile" -> "{\"legalName\":\"Nom légal\",\"address\":\"1, rue Principale, Québec\",\"province\":\"QC\","
                    + "\"smallSupplier\":true}";
            case "POST /api/v1/promotions" -> "{\"listingId\":\"" + world.offer() + "\",\"days\":7}";
            case "PUT /api/v1/time-entries/{id}" -> timeEntryBody();
            case "POST /api/v1/time-entries/{id}/comments" -> "{\"comment\":\"Précisez SVP\"}";
            default -> row.writes() && !row.method().equals("DELETE") ? "{}" : null;
        };
    }

    private static String listingBody(String title) {
        return "{\"title\":{\"fr\":\"" + title + "\"},\"description\":{\"fr\":\"" + title + " : travail soigné.\"},"
                + "\"skills\":[\"translation\"],\"languages\":[\"fr\"],\"pricing\":{\"unit\":\"HOUR\",\"amount\":\"40.00\"},"
                + "\"hoursPerWeek\":10,\"remote\":true}";
    }

    private static String timeEntryBody() {
        return "{\"date\":\"" + World.MONDAY + "\",\"minutes\":60,\"description\":\"Saisie\"}";
    }

    // ---- fixtures --------------------------------------------------------------------------------------------

    /** What the paths name, built on first use through the public API, by the shared people. */
    static final class World {
        static final LocalDate MONDAY = LocalDate.now(ZoneOffset.UTC).minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        private final Map<String, String> made = new LinkedHashMap<>();
        private Person stranger;
        private Partner ownPartner;

        private String once(String name, Supplier<String> make) {
            String value = made.get(name);
            if (value == null) {
                value = make.get();
                made.put(name, value);
            }
            return value;
        }

        String offer() {
            return once("offer", () -> publish(secretary, "Traduction et mise en page"));
        }

        String request() {
            return once("request", () -> {
                String id = publish(client, "Traduire nos actes notariés");
                // matching learns of it from listings' change feed: wait until it ranks offers for it
                await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                        .until(() -> as(client).queryParam("requestId", id).get("/api/v1/matches").statusCode() == 200);
                return id;
            });
        }

        String invitation() {
            return once("invitation", () -> {
                String requestId = request();
                String offerId = offer();
                // matching learns of new listings from listings' change feed: 422 until it has both
                Response invited = await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                        .until(() -> as(client).body(Map.of("requestId", requestId, "offerId", offerId, "message", "Bonjour"))
                                .post("/api/v1/invitations"), answer -> answer.statusCode() != 422);
                String id = invited.then().statusCode(201).extract().path("id");
                as(secretary).post("/api/v1/invitations/" + id + "/accept").then().statusCode(200);
                return id;
            });
        }

        String engagement() {
            return once("engagement", () -> {
                profiles();
                return as(client).body("{\"invitationId\":\"" + invitation() + "\",\"pricing\":{\"type\":\"HOURLY\",\"rate\":\"45.00\"},"
                        + "\"terms\":\"NET_30\"}").post("/api/v1/engagements").then().statusCode(201).extract().path("id");
            });
        }

        String timeEntry() {
            return once("timeEntry", () -> as(secretary).body(timeEntryBody())
                    .post("/api/v1/engagements/" + engagement() + "/time-entries").then().statusCode(201).extract().path("id"));
        }

        /** The engagement with a week of approved time. */
        String approvedEngagement() {
            return once("approved", () -> {
                timeEntry();
                as(client).post("/api/v1/engagements/" + engagement() + "/weeks/" + MONDAY + "/approve").then().statusCode(200);
                return engagement();
            });
        }

        Partner partner() {
            if (ownPartner == null) {
                ownPartner = AuthorizationMatrixIT.partner();
            }
            return ownPartner;
        }

        /** An issued invoice of the engagement (its time approved). */
        String invoice() {
            return once("invoice", () -> {
                approvedEngagement();
                String id = as(secretary).body("{\"engagementId\":\"" + engagement() + "\"}").post("/api/v1/invoices").then()
                        .statusCode(201).extract().path("id");
                as(secretary).post("/api/v1/invoices/" + id + "/issue").then().statusCode(200);
                return id;
            });
        }

        String payment() {
            return once("payment", () -> as(secretary)
                    .body("{\"amount\":\"1.00\",\"method\":\"INTERAC\",\"reference\":\"A1\",\"receivedOn\":\"" + MONDAY + "\"}")
                    .post("/api/v1/invoices/" + invoice() + "/payments").then().statusCode(201).extract().path("id"));
        }

        /** The engagement, its invoice paid in full and the payment confirmed by the client: reviewable. */
        String paidEngagement() {
            return once("paidEngagement", () -> {
                String invoice = invoice();
                String first = payment();
                String balance = as(secretary).get("/api/v1/invoices/" + invoice).then().statusCode(200).extract().path("balance");
                String paid = as(secretary).body("{\"amount\":\"" + balance + "\",\"method\":\"INTERAC\",\"reference\":\"A2\",\"receivedOn\":\""
                        + MONDAY + "\"}").post("/api/v1/invoices/" + invoice + "/payments").then().statusCode(201).extract().path("id");
                for (String payment : List.of(first, paid)) {
                    as(client).post("/api/v1/invoices/" + invoice + "/payments/" + payment + "/confirmation").then().statusCode(200);
                }
                return engagement();
            });
        }

        String review() {
            return once("review", () -> as(client).body("{\"engagementId\":\"" + paidEngagement() + "\",\"stars\":5,\"text\":\"Excellent.\"}")
                    .post("/api/v1/reviews").then().statusCode(201).extract().path("id"));
        }

        String alert() {
            return once("alert", () -> as(secretary).body("{\"name\":\"Veille\",\"q\":\"notaire\",\"frequency\":\"DAILY\"}")
                    .post("/api/v1/alerts").then().statusCode(201).extract().path("id"));
        }

        String referral() {
            return once("referral", () -> {
                offer();
                return as(client).body("{\"secretaryId\":\"" + secretary.id() + "\"}").post("/api/v1/referrals").then()
                        .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)))
                        .extract().path("code");
            });
        }

        String blockedClient() {
            return once("block", () -> {
                // a client no other secretary blocks, so that only this block answers for {clientId}
                String blocked = stranger().id();
                as(secretary).body("{\"clientId\":\"" + blocked + "\"}").post("/api/v1/blocks").then()
                        .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
                return blocked;
            });
        }

        String promotion() {
            return once("promotion", () -> {
                profiles();
                return as(secretary).body("{\"listingId\":\"" + offer() + "\",\"days\":7}").post("/api/v1/promotions").then()
                        .statusCode(201).extract().path("id");
            });
        }

        private void profiles() {
            once("profiles", () -> {
                as(secretary).body("{\"legalName\":\"Marie Tremblay\",\"address\":\"1, rue Principale, Québec\",\"province\":\"QC\","
                        + "\"smallSupplier\":true}").put("/api/v1/billing/profile").then().statusCode(200);
                as(client).body("{\"legalName\":\"Cabinet Gagnon\",\"address\":\"400, boul. Laurier, Québec\",\"province\":\"QC\"}")
                        .put("/api/v1/billing/profile").then().statusCode(200);
                return "done";
            });
        }

        /** A person nobody else uses: the target of admin and service operations that change an account. */
        Person stranger() {
            if (stranger == null) {
                stranger = person("CLIENT");
            }
            return stranger;
        }
    }

    // ---- people, partners, calls ---------------------------------------------------------------------------

    private static RequestSpecification gateway() {
        return given().baseUri(stack.gatewayUrl().toString());
    }

    private static RequestSpecification as(Person person) {
        return gateway().auth().oauth2(person.token()).contentType(ContentType.JSON);
    }

    private static Person person(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.ca";
        String id = gateway().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "displayName", "Matrice " + role, "role", role))
                .post("/api/v1/auth/register").then().statusCode(201).extract().path("id");
        verify(email);
        return new Person(id, email, role, signIn(email, PASSWORD));
    }

    private static String signIn(String email, String password) {
        return gateway().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static String refreshToken(Person person) {
        return gateway().contentType(ContentType.JSON).body(Map.of("email", person.email(), "password", PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("refresh_token");
    }

    private static void verify(String email) {
        String text = gateway().auth().oauth2(adminToken).queryParam("to", email).get("/api/v1/dev/mailbox").then().statusCode(200)
                .extract().path("items[0].text");
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]{20,})").matcher(text);
        assertThat(link.find()).as("verification link in %s", text).isTrue();
        gateway().contentType(ContentType.JSON).body(Map.of("token", link.group(1))).post("/api/v1/auth/verify-email").then()
                .statusCode(204);
    }

    private static String sessionOf(Person person) {
        return gateway().auth().oauth2(person.token()).get("/api/v1/me/sessions").then().statusCode(200).extract().path("items[0].id");
    }

    private static Partner partner() {
        var created = gateway().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"name\":\"Emplois " + UUID.randomUUID() + "\",\"contactEmail\":\"flux@example.ca\","
                        + "\"feeds\":[\"JOBS_JSONLD\",\"JOBS_XML\",\"SERVICES_JSONLD\",\"SERVICES_ATOM\",\"CHANGES\"]}")
                .post("/api/v1/partners").then().statusCode(201).extract().jsonPath();
        return new Partner(created.getString("id"), created.getString("apiKey"), created.getString("keyPrefix"));
    }

    private static String publish(Person owner, String title) {
        String id = as(owner).body(listingBody(title)).post("/api/v1/listings").then().statusCode(201).extract().path("id");
        as(owner).post("/api/v1/listings/" + id + "/publish").then().statusCode(200);
        return id;
    }
}

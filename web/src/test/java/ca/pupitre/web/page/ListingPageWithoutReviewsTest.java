package ca.pupitre.web.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A secretary's offer page when matching-service (her reviews) cannot answer: the page is shown, without the
 * reviews, rather than the gateway's 504. A stand-in gateway on a real socket answers the listing and the skills,
 * and the reviews with a 504 problem or a real (empty) list, as the test says.
 */
@QuarkusTest
@TestProfile(ListingPageWithoutReviewsTest.FakeGateway.class)
class ListingPageWithoutReviewsTest {

    static final String LISTING_ID = "3f0d6c2a-8a52-4c8e-9d6f-1b2c3d4e5f60";
    static final AtomicBoolean REVIEWS_DOWN = new AtomicBoolean();

    public static class FakeGateway implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Server.class));
        }
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/v1/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                int status = 200;
                String type = "application/json";
                String body;
                if (path.equals("/api/v1/listings/" + LISTING_ID)) {
                    body = """
                            {"id":"%s","kind":"OFFER","status":"PUBLISHED",
                             "title":{"fr":"Tenue de livres pour petites entreprises","en":"Bookkeeping for small firms"},
                             "description":{"fr":"Saisie, conciliations, rapports de TPS et TVQ.","en":"Entries, reconciliations, GST and QST returns."},
                             "descriptionHtml":{"fr":"<p>Saisie, conciliations, rapports de TPS et TVQ.</p>","en":"<p>Entries.</p>"},
                             "skills":[],"languages":["fr"],"pricing":{"unit":"HOUR","amount":"42.00","currency":"CAD"},
                             "remote":true,"region":"06","publicName":"Josée P.","anonymous":false,
                             "ownerId":"9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d","createdAt":"2026-11-01T14:00:00Z",
                             "publishedAt":"2026-11-01T14:00:00Z","expiresAt":"2027-01-30T14:00:00Z","promoted":false,"version":3}
                            """.formatted(LISTING_ID);
                } else if (path.equals("/api/v1/skills")) {
                    body = "[]";
                } else if (path.equals("/api/v1/reviews") && REVIEWS_DOWN.get()) {
                    status = 504;
                    type = "application/problem+json";
                    body = "{\"type\":\"about:blank\",\"title\":\"Délai dépassé\",\"status\":504,\"code\":\"GATEWAY_TIMEOUT\"}";
                } else if (path.equals("/api/v1/reviews")) {
                    body = "{\"secretaryId\":\"9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d\",\"count\":0,\"items\":[]}";
                } else {
                    status = 404;
                    type = "application/problem+json";
                    body = "{\"title\":\"Introuvable\",\"status\":404,\"code\":\"NOT_FOUND\"}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", type);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return Map.of("quarkus.rest-client.gateway.url", "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            server.stop(0);
        }
    }

    @Test
    void theOfferIsShownWithItsReviewsAndWithoutThemWhenMatchingCannotAnswer() {
        REVIEWS_DOWN.set(false);
        given().get("/fr/annonces/" + LISTING_ID).then().statusCode(200)
                .body(containsString("Tenue de livres pour petites entreprises"))
                .body(containsString("id=\"reviews-heading\""));

        REVIEWS_DOWN.set(true);
        given().get("/fr/annonces/" + LISTING_ID).then().statusCode(200)
                .body(containsString("Tenue de livres pour petites entreprises"))
                .body(not(containsString("id=\"reviews-heading\"")))
                .body(not(containsString("Délai dépassé")));

        // a listing the API does not have is still the 404 page, not an empty offer
        given().get("/fr/annonces/0b8f8f0e-4a8e-4b7e-9c55-0c5f6a3f1a2b").then().statusCode(404)
                .body(containsString("Page introuvable"));
    }
}

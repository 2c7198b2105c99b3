package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.testing.ServiceTestResource;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Several instances behind one route: listings-service given as three URLs, instance "a", instance "b" (each
 * says who answered, and whose readiness the test switches) and a port where nothing listens. The gateway
 * balances between the healthy ones, takes a failing one out within 2 s, and tries an idempotent request once
 * more on another instance when the connection could not be made; a POST is never sent twice.
 */
@QuarkusTest
@TestProfile(BalancingTest.ThreeInstances.class)
class BalancingTest {

    static final AtomicInteger A_READY = new AtomicInteger(200);
    static final AtomicInteger B_READY = new AtomicInteger(200);

    public static class ThreeInstances implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Instances.class));
        }
    }

    public static class Instances extends ServiceTestResource {
        private final List<HttpServer> servers = new ArrayList<>();

        @Override
        public void init(Map<String, String> initArgs) {
            super.init(Map.of("role", "gateway"));
        }

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            int a = instance("a", A_READY);
            int b = instance("b", B_READY);
            int dead;
            try (ServerSocket probe = new ServerSocket(0)) {
                dead = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String urls = "http://127.0.0.1:" + dead + ",http://127.0.0.1:" + a + ",http://127.0.0.1:" + b;
            config.put("pupitre.upstream.listings-url", urls);
            config.put("pupitre.upstream.listings-management-url", urls); // health on the same servers here
            config.put("pupitre.upstream.health-check-every", "0.2S");
            return config;
        }

        private int instance(String name, AtomicInteger ready) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(Executors.newFixedThreadPool(2));
                server.createContext("/", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    boolean health = exchange.getRequestURI().getPath().equals("/q/health/ready");
                    byte[] body = ("{\"instance\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(health ? ready.get() : 200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
                servers.add(server);
                return server.getAddress().getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            servers.forEach(s -> s.stop(0));
            super.stop();
        }
    }

    private static Set<String> answeredBy(int requests) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            seen.add(given().get("/api/v1/skills").then().statusCode(200).extract().path("instance"));
        }
        return seen;
    }

    @Test
    void balancesBetweenHealthyInstancesRetriesWhatIsSafeAndDropsAFailingOneWithinTwoSeconds() {
        // both ready: both answer (the dead port is out since its first health check); the first calls warm up
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> answeredBy(6), org.hamcrest.Matchers.equalTo(Set.of("a", "b")));

        // "b" stops being ready: out within 2 s, "a" answers everything
        B_READY.set(503);
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> answeredBy(6), org.hamcrest.Matchers.equalTo(Set.of("a")));
        // and back
        B_READY.set(200);
        Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> answeredBy(6), org.hamcrest.Matchers.equalTo(Set.of("a", "b")));

        // none ready: every instance is tried in turn, the dead one too. Every GET is answered (the one that met
        // the dead port went to another instance); a POST that met it is a 503, never sent twice
        A_READY.set(503);
        B_READY.set(503);
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ofMillis(500)).until(() -> true);
        for (int i = 0; i < 12; i++) {
            given().get("/api/v1/skills").then().statusCode(200);
        }
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            Response posted = given().contentType("application/json").body("{}").post("/api/v1/listings");
            if (posted.statusCode() == 503) {
                assertThat(posted.jsonPath().getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
                refused++;
            } else {
                assertThat(posted.statusCode()).isEqualTo(200);
            }
        }
        assertThat(refused).as("POSTs that met the dead instance (about one in three)").isBetween(2, 6);
        A_READY.set(200);
        B_READY.set(200);
    }
}

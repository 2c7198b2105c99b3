package ca.pupitre.matching;

import ca.pupitre.testing.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for the gateway (service tokens), listings-service (change feed, skills) and
 * billing-service (review eligibility). Tests drive it over HTTP ({@code /__admin/...}) because the test
 * resource and the tests may not share class loaders.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** The fake's base URL property, also the listings, billing and gateway URL. */
    public static final String URL_PROPERTY = "quarkus.rest-client.listings.url";

    private HttpServer server;
    private final List<String> changes = new CopyOnWriteArrayList<>();
    private final Map<String, String> eligibility = new ConcurrentHashMap<>();
    private final AtomicInteger changeCalls = new AtomicInteger();
    private volatile String listingsMode = "up";
    private volatile String billingMode = "up";

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put(URL_PROPERTY, url);
        config.put("quarkus.rest-client.billing.url", url);
        config.put("pupitre.gateway.url", url);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (path.startsWith("/__admin/")) {
                admin(exchange, path, query, body);
            } else if (path.equals("/api/v1/auth/service-token") && method.equals("POST")) {
                send(exchange, 200, "{\"access_token\":\"" + TestTokens.service("matching") + "\",\"expires_in\":900}");
            } else if (auth == null || !auth.startsWith("Bearer ")) {
                send(exchange, 401, "{\"code\":\"UNAUTHORIZED\"}");
            } else if (path.equals("/api/v1/listings/changes")) {
                changeCalls.incrementAndGet();
                if (unavailable(listingsMode)) {
                    send(exchange, 503, "{\"code\":\"UNAVAILABLE\"}");
                    return;
                }
                long since = query.containsKey("since") ? Long.parseLong(query.get("since").substring(4)) : 0;
                int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
                List<String> page = new ArrayList<>();
                long last = since;
                for (int i = (int) since; i < changes.size() && page.size() < limit; i++) {
                    page.add(changes.get(i));
                    last = i + 1;
                }
                send(exchange, 200, "{\"items\":[" + String.join(",", page) + "],\"nextCursor\":\"seq-" + last + "\"}");
            } else if (path.equals("/api/v1/skills")) {
                if (unavailable(listingsMode)) {
                    send(exchange, 503, "{}");
                    return;
                }
                send(exchange, 200, SKILLS);
            } else if (path.startsWith("/api/v1/engagements/") && path.endsWith("/review-eligibility")) {
                if (unavailable(billingMode)) {
                    send(exchange, 503, "{}");
                    return;
                }
                String id = path.split("/")[4];
                String answer = eligibility.get(id);
                send(exchange, answer == null ? 404 : 200, answer == null ? "{\"code\":\"ENGAGEMENT_NOT_FOUND\"}" : answer);
            } else {
                send(exchange, 404, "{}");
            }
        }
    }

    /** Modes: "up", "down" (503) or "slow" (answers after 1.5 s, past the shortened test timeouts). */
    private static boolean unavailable(String mode) {
        if ("slow".equals(mode)) {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        return "down".equals(mode);
    }

    private void admin(HttpExchange exchange, String path, Map<String, String> query, String body) throws IOException {
        switch (path) {
            case "/__admin/changes" -> {
                // body: one change item without "seq"; the fake numbers changes in commit order
                int seq = changes.size() + 1;
                changes.add("{\"seq\":" + seq + "," + body.strip().substring(1));
                send(exchange, 200, String.valueOf(seq));
            }
            case "/__admin/listings" -> {
                listingsMode = query.get("mode");
                send(exchange, 200, "{}");
            }
            case "/__admin/billing" -> {
                billingMode = query.get("mode");
                send(exchange, 200, "{}");
            }
            case "/__admin/eligibility" -> {
                eligibility.put(query.get("engagementId"), body);
                send(exchange, 200, "{}");
            }
            case "/__admin/change-calls" -> send(exchange, 200, String.valueOf(changeCalls.get()));
            default -> send(exchange, 404, "{}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    /** Test-side control of the fake, over HTTP. */
    public static final class Control {

        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final String baseUrl;

        public Control(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** Appends a change to the feed; returns its sequence number. */
        public long publish(String changeJsonWithoutSeq) {
            return Long.parseLong(post("/__admin/changes", changeJsonWithoutSeq));
        }

        public void listings(String mode) {
            post("/__admin/listings?mode=" + mode, "");
        }

        public void billing(String mode) {
            post("/__admin/billing?mode=" + mode, "");
        }

        public void eligibility(String engagementId, String json) {
            post("/__admin/eligibility?engagementId=" + engagementId, json);
        }

        public int changeCalls() {
            return Integer.parseInt(post("/__admin/change-calls", ""));
        }

        private String post(String path, String body) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static final String SKILLS = """
            [{"code":"transcription","category":"documents","label":{"fr":"Transcription","en":"Transcription"},
              "synonyms":{"fr":["dactylographie"],"en":["typing"]}},
             {"code":"layout","category":"documents","label":{"fr":"Mise en page","en":"Document layout"},
              "synonyms":{"fr":["mise en forme"],"en":["formatting"]}},
             {"code":"bookkeeping","category":"accounting","label":{"fr":"Tenue de livres","en":"Bookkeeping"},
              "synonyms":{"fr":["comptabilité"],"en":["accounting"]}},
             {"code":"payroll","category":"accounting","label":{"fr":"Paie","en":"Payroll"},
              "synonyms":{"fr":["paie"],"en":["payroll"]}}]
            """;
}

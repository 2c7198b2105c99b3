package ca.pupitre.billing;

import ca.pupitre.testing.ServiceTestResource;
import ca.pupitre.testing.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for the services billing calls: matching-service's invitations
 * (set up by tests through {@code POST /__fake/invitations/{id}} with the JSON to answer, or
 * {@code POST /__fake/invitations/{id}/status/{code}} to answer a bare status), the gateway's
 * service-token endpoint, and listings-service. It also remembers the last Authorization header
 * matching received ({@code GET /__fake/last-authorization}). Referral conversions
 * ({@code POST /api/v1/referrals/{code}/conversions}) answer 201 the first time per engagement, 200
 * after; {@code POST /__fake/referrals/{code}/fail/{n}} makes the next n calls answer 503 and
 * {@code POST /__fake/referrals/{code}/status/{s}} a fixed status; every call is recorded
 * ({@code GET /__fake/conversions}: one line per call, {@code code|status|body|authorization}).
 */
public class FakeServices extends ServiceTestResource {

    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String PUPITRE_GST = "987654321 RT0001";
    public static final String PUPITRE_QST = "9876543210 TQ0001";
    private HttpServer server;
    private final Map<String, String> invitations = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private volatile String lastAuthorization = "";
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> listingFailures = new ConcurrentHashMap<>();
    private final java.util.List<String> featured = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> referralFailures = new ConcurrentHashMap<>();
    private final Map<String, Integer> referralStatuses = new ConcurrentHashMap<>();
    private final java.util.Set<String> converted = ConcurrentHashMap.newKeySet();
    private final java.util.List<String> conversions = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("role", "billing"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        config.put("quarkus.rest-client.matching.url", url);
        config.put("quarkus.rest-client.listings.url", url);
        config.put("pupitre.gateway.url", url);
        config.put("pupitre.service.secret", "test-service-secret");
        config.put("pupitre.billing.webhook-secret", WEBHOOK_SECRET);
        config.put("pupitre.billing.platform.gst-number", PUPITRE_GST);
        config.put("pupitre.billing.platform.qst-number", PUPITRE_QST);
        config.put("pupitre.billing.outbox.every", "1s");
        // shortened timeout so the "matching too slow" test stays fast
        config.put("ca.pupitre.billing.client.MatchingClient/invitation/Timeout/value", "400");
        // the tests that make matching fail on purpose must not open the breaker for the others
        config.put("ca.pupitre.billing.client.MatchingClient/invitation/CircuitBreaker/requestVolumeThreshold", "1000");
        config.put("ca.pupitre.billing.client.ListingsClient/feature/CircuitBreaker/requestVolumeThreshold", "1000");
        config.put("ca.pupitre.billing.client.ReferralsClient/convert/CircuitBreaker/requestVolumeThreshold", "1000");
        return config;
    }

    private final java.util.Map<String, String> listingOwners = new java.util.concurrent.ConcurrentHashMap<>();

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String[] parts = path.split("/");
        if (path.startsWith("/__fake/invitations/") && "POST".equals(method)) {
            if (parts.length == 6 && "status".equals(parts[4])) {
                statuses.put(parts[3], Integer.parseInt(parts[5]));
            } else if (parts.length == 6 && "delay".equals(parts[4])) {
                delays.put(parts[3], Long.parseLong(parts[5]));
            } else {
                statuses.remove(parts[3]);
                invitations.put(parts[3], new String(body, StandardCharsets.UTF_8));
            }
            send(exchange, 204, null);
        } else if (path.startsWith("/__fake/listings/") && "POST".equals(method)) {
            // /__fake/listings/{id}/fail/{n}: the next n calls for that listing answer 503
            listingFailures.put(parts[3], new java.util.concurrent.atomic.AtomicInteger(Integer.parseInt(parts[5])));
            send(exchange, 204, null);
        } else if (path.startsWith("/__fake/referrals/") && "POST".equals(method) && parts.length == 6) {
            if ("fail".equals(parts[4])) {
                referralFailures.put(parts[3], new java.util.concurrent.atomic.AtomicInteger(Integer.parseInt(parts[5])));
            } else {
                referralStatuses.put(parts[3], Integer.parseInt(parts[5]));
            }
            send(exchange, 204, null);
        } else if (path.equals("/__fake/conversions")) {
            send(exchange, 200, String.join("\n", conversions));
        } else if (path.startsWith("/api/v1/referrals/") && path.endsWith("/conversions") && "POST".equals(method)) {
            String code = parts[4];
            String json = new String(body, StandardCharsets.UTF_8);
            var failures = referralFailures.get(code);
            Integer fixed = referralStatuses.get(code);
            int status;
            if (failures != null && failures.getAndDecrement() > 0) {
                status = 503;
            } else if (fixed != null) {
                status = fixed;
            } else {
                String engagement = json.replaceAll(".*\"engagementId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                status = converted.add(engagement) ? 201 : 200;
            }
            conversions.add(code + "|" + status + "|" + json + "|" + exchange.getRequestHeaders().getFirst("Authorization"));
            send(exchange, status, "{\"status\":" + status + "}");
        } else if (path.equals("/__fake/featured")) {
            // one line per successful featured call: listingId|body|authorization
            send(exchange, 200, String.join("\n", featured));
        } else if (path.startsWith("/api/v1/listings/") && path.endsWith("/featured") && "PUT".equals(method)) {
            var failures = listingFailures.get(parts[4]);
            if (failures != null && failures.getAndDecrement() > 0) {
                send(exchange, 503, "{\"status\":503}");
            } else {
                featured.add(parts[4] + "|" + new String(body, StandardCharsets.UTF_8) + "|"
                        + exchange.getRequestHeaders().getFirst("Authorization"));
                send(exchange, 200, "{\"id\":\"" + parts[4] + "\"}");
            }
        } else if (path.startsWith("/__fake/listing-owners/") && "POST".equals(method) && parts.length == 5) {
            // /__fake/listing-owners/{id}/{ownerUuid|missing}: who owns a listing (default: whoever asks)
            listingOwners.put(parts[3], parts[4]);
            send(exchange, 204, null);
        } else if (path.startsWith("/api/v1/listings/") && parts.length == 5 && "GET".equals(method)) {
            String owner = listingOwners.get(parts[4]);
            if ("missing".equals(owner)) {
                send(exchange, 404, "{\"status\":404,\"code\":\"LISTING_NOT_FOUND\"}");
            } else {
                if (owner == null) {
                    String auth = exchange.getRequestHeaders().getFirst("Authorization");
                    String payload = new String(java.util.Base64.getUrlDecoder().decode(auth.substring(7).split("\\.")[1]),
                            StandardCharsets.UTF_8);
                    owner = payload.replaceAll(".*\"sub\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                }
                send(exchange, 200, "{\"id\":\"" + parts[4] + "\",\"kind\":\"OFFER\",\"status\":\"PUBLISHED\",\"ownerId\":\""
                        + owner + "\",\"title\":{\"fr\":\"Offre\"}}");
            }
        } else if (path.equals("/__fake/last-authorization")) {
            send(exchange, 200, lastAuthorization);
        } else if (path.startsWith("/api/v1/invitations/") && "GET".equals(method)) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            lastAuthorization = auth == null ? "" : auth;
            String id = parts[4];
            Long delay = delays.get(id);
            if (delay != null) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer status = statuses.get(id);
            if (status != null) {
                send(exchange, status, "{\"code\":\"FAKE\"}");
            } else if (invitations.containsKey(id)) {
                send(exchange, 200, invitations.get(id));
            } else {
                send(exchange, 404, "{\"status\":404,\"code\":\"INVITATION_NOT_FOUND\"}");
            }
        } else if (path.equals("/api/v1/auth/service-token")) {
            send(exchange, 200, "{\"access_token\":\"" + TestTokens.service("billing") + "\",\"expires_in\":300}");
        } else {
            send(exchange, 404, "{\"status\":404}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        if (json != null) {
            exchange.getResponseHeaders().add("Content-Type", json.startsWith("{") ? "application/json" : "text/plain");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        super.stop();
    }
}

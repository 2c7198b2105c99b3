package ca.pupitre.platform.client;

import ca.pupitre.platform.tracing.TraceHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token a service shows when it calls another service on its own behalf (no end user started
 * the call): obtained from the gateway with the service's client credentials, role SERVICE, and
 * reused until one minute before it expires.
 */
@ApplicationScoped
public class ServiceTokens {

    private final String serviceName;
    private final Optional<String> secret;
    private final URI tokenEndpoint;
    private final ObjectMapper json;
    private final TraceHeaders trace;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock = Clock.systemUTC();
    private volatile String token;
    private volatile Instant renewAt = Instant.EPOCH;

    public ServiceTokens(@ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "pupitre.service.secret") Optional<String> secret,
            @ConfigProperty(name = "pupitre.gateway.url", defaultValue = "http://localhost:8080") String gatewayUrl,
            ObjectMapper json, TraceHeaders trace) {
        this.serviceName = serviceName;
        this.secret = secret;
        this.tokenEndpoint = URI.create(gatewayUrl.replaceAll("/+$", "") + "/api/v1/auth/service-token");
        this.json = json;
        this.trace = trace;
    }

    /** A valid bearer token for this service, fetched or renewed when needed. */
    public synchronized String token() {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        String clientSecret = secret.filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("pupitre.service.secret (PUPITRE_SERVICE_SECRET) is not set"));
        try {
            String body = json.writeValueAsString(Map.of("clientId", serviceName, "clientSecret", clientSecret));
            HttpResponse<String> response = http.send(trace.on(HttpRequest.newBuilder(tokenEndpoint))
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Gateway refused service token for " + serviceName + ": HTTP " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            token = answer.get("access_token").asText();
            renewAt = clock.instant().plusSeconds(Math.max(10, answer.path("expires_in").asLong(300) - 60));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Gateway unreachable for service token: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching service token", e);
        }
    }
}

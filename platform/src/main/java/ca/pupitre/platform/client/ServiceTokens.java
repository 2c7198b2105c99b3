package ca.pupitre.platform.client;

import ca.pupitre.platform.tracing.TraceHeaders;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token a service shows when it calls another service on its own behalf (no end user started the call):
 * obtained from the gateway with the service's client credentials, role SERVICE, and reused until one minute
 * before it expires.
 *
 * <p>Renewing never makes a caller wait who still holds a valid token: one thread renews while the others go on
 * with the current token, and a failed renewal leaves the current token in use until it expires. Only a caller
 * without any valid token waits for the gateway. A failure is a {@link ServiceTokenUnavailable}; the calling REST
 * client's own fault tolerance ({@code @Retry}, {@code @CircuitBreaker} on the client wrappers) retries the call
 * it was part of, so this class does not retry by itself.
 *
 * <p>The JDK's {@code HttpClient}, not a REST client: this runs inside other REST clients' header factories
 * ({@link CallerHeaders}), where calling a second Quarkus REST client would nest one client's pipeline in another's.
 */
@ApplicationScoped
public class ServiceTokens {

    /** The gateway's answer ({@code POST /api/v1/auth/service-token}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenAnswer(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
    }

    private record Held(String token, Instant renewAt, Instant expiresAt) {
    }

    private static final long DEFAULT_LIFETIME_SECONDS = 300;

    private final String serviceName;
    private final Optional<String> secret;
    private final URI tokenEndpoint;
    private final ObjectMapper json;
    private final TraceHeaders trace;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ReentrantLock renewing = new ReentrantLock();
    private volatile Held held;

    @Inject
    public ServiceTokens(@ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "pupitre.service.secret") Optional<String> secret,
            @ConfigProperty(name = "pupitre.gateway.url", defaultValue = "http://localhost:8080") String gatewayUrl,
            ObjectMapper json, TraceHeaders trace) {
        this(serviceName, secret, gatewayUrl, json, trace, Clock.systemUTC());
    }

    ServiceTokens(String serviceName, Optional<String> secret, String gatewayUrl, ObjectMapper json, TraceHeaders trace,
            Clock clock) {
        this.serviceName = serviceName;
        this.secret = secret;
        this.tokenEndpoint = URI.create(gatewayUrl.replaceAll("/+$", "") + "/api/v1/auth/service-token");
        this.json = json;
        this.trace = trace;
        this.clock = clock;
    }

    /** A valid bearer token for this service, fetched or renewed when needed. */
    public String token() {
        Held current = held;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.renewAt())) {
            return current.token();
        }
        boolean stillValid = current != null && now.isBefore(current.expiresAt());
        if (stillValid) {
            if (!renewing.tryLock()) {
                return current.token(); // another thread is renewing it
            }
        } else {
            renewing.lock(); // nothing valid to go on with: wait for the token
        }
        try {
            Held latest = held;
            if (latest != null && clock.instant().isBefore(latest.renewAt())) {
                return latest.token(); // renewed while this thread waited
            }
            try {
                held = fetch();
            } catch (ServiceTokenUnavailable failed) {
                if (latest != null && clock.instant().isBefore(latest.expiresAt())) {
                    return latest.token();
                }
                throw failed;
            }
            return held.token();
        } finally {
            renewing.unlock();
        }
    }

    private Held fetch() {
        String clientSecret = secret.filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("pupitre.service.secret (PUPITRE_SERVICE_SECRET) is not set"));
        Instant asked = clock.instant();
        HttpResponse<String> response;
        try {
            String body = json.writeValueAsString(Map.of("clientId", serviceName, "clientSecret", clientSecret));
            response = http.send(trace.on(HttpRequest.newBuilder(tokenEndpoint))
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new ServiceTokenUnavailable("Gateway unreachable for the service token of " + serviceName, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenUnavailable("Interrupted while fetching the service token of " + serviceName, interrupted);
        }
        if (response.statusCode() != 200) {
            throw new ServiceTokenUnavailable("Gateway refused the service token of " + serviceName + ": HTTP "
                    + response.statusCode(), null);
        }
        TokenAnswer answer;
        try {
            answer = json.readValue(response.body(), TokenAnswer.class);
        } catch (IOException unreadable) {
            throw new ServiceTokenUnavailable("Unreadable service-token answer from the gateway", unreadable);
        }
        if (answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new ServiceTokenUnavailable("The gateway's service-token answer holds no access_token", null);
        }
        long lifetime = answer.expiresIn() == null ? DEFAULT_LIFETIME_SECONDS : answer.expiresIn();
        return new Held(answer.accessToken(), asked.plusSeconds(Math.max(10, lifetime - 60)), asked.plusSeconds(lifetime));
    }
}

package ca.pupitre.platform.client;

import ca.pupitre.platform.tracing.TraceHeaders;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token a service shows when it calls another service on its own behalf (no end user started the call):
 * obtained from the gateway with the service's client credentials, role SERVICE, and reused until one minute
 * before it expires.
 *
 * <p>Renewing never makes a caller wait who still holds a valid token: the renewal runs in the background (one at
 * a time) while callers go on with the current token, and after a failed renewal the next try waits
 * {@link #RETRY_AFTER}, the current token staying in use until it expires. A caller without any valid token waits
 * for the fetch under way (one fetch, shared by every waiter), at most {@link #WAIT}. A failure is a
 * {@link ServiceTokenUnavailable}; the calling REST client's own fault tolerance ({@code @Retry},
 * {@code @CircuitBreaker} on the client wrappers) retries the call it was part of, so this class does not retry by
 * itself.
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

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final long DEFAULT_LIFETIME_SECONDS = 300;

    private final String serviceName;
    private final Optional<String> secret;
    private final URI tokenEndpoint;
    private final ObjectMapper json;
    private final TraceHeaders trace;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicReference<CompletableFuture<Held>> underWay = new AtomicReference<>();
    private volatile Held held;
    private volatile Instant nextRenewal = Instant.EPOCH;

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
        if (current != null && now.isBefore(current.expiresAt())) {
            if (!now.isBefore(nextRenewal)) {
                fetch(); // in the background: this caller goes on with its valid token
            }
            return current.token();
        }
        try {
            return fetch().get(WAIT.toMillis(), TimeUnit.MILLISECONDS).token();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause
                    : new ServiceTokenUnavailable("Service token of " + serviceName + " not obtained", failed.getCause());
        } catch (TimeoutException slow) {
            throw new ServiceTokenUnavailable("No service token for " + serviceName + " within " + WAIT, slow);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenUnavailable("Interrupted while waiting for the service token of " + serviceName, interrupted);
        }
    }

    /** The fetch under way, or a new one: never two at once. */
    private CompletableFuture<Held> fetch() {
        CompletableFuture<Held> mine = new CompletableFuture<>();
        CompletableFuture<Held> running = underWay.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        CompletableFuture<Held> answer;
        try {
            answer = send();
        } catch (RuntimeException refused) {
            answer = CompletableFuture.failedFuture(refused);
        }
        answer.whenComplete((token, failure) -> {
            if (failure == null) {
                held = token;
                nextRenewal = Instant.EPOCH;
            } else {
                nextRenewal = clock.instant().plus(RETRY_AFTER);
            }
            underWay.set(null);
            if (failure == null) {
                mine.complete(token);
            } else {
                mine.completeExceptionally(failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : failure);
            }
        });
        return mine;
    }

    private CompletableFuture<Held> send() {
        String clientSecret = secret.filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("pupitre.service.secret (PUPITRE_SERVICE_SECRET) is not set"));
        String body;
        try {
            body = json.writeValueAsString(Map.of("clientId", serviceName, "clientSecret", clientSecret));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant asked = clock.instant();
        HttpRequest request = trace.on(HttpRequest.newBuilder(tokenEndpoint))
                .timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, unreachable) -> {
                    if (unreachable != null) {
                        throw new ServiceTokenUnavailable("Gateway unreachable for the service token of " + serviceName,
                                unreachable instanceof CompletionException wrapped ? wrapped.getCause() : unreachable);
                    }
                    return read(response, asked);
                });
    }

    private Held read(HttpResponse<String> response, Instant asked) {
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
        Instant expiresAt = asked.plusSeconds(lifetime);
        Instant renewAt = asked.plusSeconds(Math.max(10, lifetime - 60));
        return new Held(answer.accessToken(), renewAt.isBefore(expiresAt) ? renewAt : expiresAt, expiresAt);
    }
}

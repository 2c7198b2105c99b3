package ca.pupitre.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.pupitre.platform.tracing.TraceHeaders;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server standing in for the gateway's token endpoint. */
class ServiceTokensTest {

    private HttpServer gateway;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> bodies = new ArrayList<>();
    private final List<String> traceparents = new ArrayList<>();
    private volatile int status = 200;
    private volatile long lifetime = 900;
    private volatile CountDownLatch hold;
    private final TestClock clock = new TestClock();

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-03T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/v1/auth/service-token", exchange -> {
            calls.incrementAndGet();
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            traceparents.add(exchange.getRequestHeaders().getFirst("traceparent"));
            CountDownLatch wait = hold;
            if (wait != null) {
                try {
                    wait.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = ("{\"access_token\":\"token-" + calls.get() + "\",\"token_type\":\"Bearer\",\"expires_in\":" + lifetime + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    private ServiceTokens tokens(Optional<String> secret) {
        return tokens(secret, OpenTelemetry.noop());
    }

    private ServiceTokens tokens(Optional<String> secret, OpenTelemetry openTelemetry) {
        return new ServiceTokens("matching", secret, "http://127.0.0.1:" + gateway.getAddress().getPort() + "/",
                new ObjectMapper(), new TraceHeaders(openTelemetry), clock);
    }

    @Test
    void theTokenRequestCarriesTheTraceOfTheRequestThatNeededIt() {
        OpenTelemetry w3c = OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
        SpanContext caller = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault());
        try (Scope ignored = Context.root().with(Span.wrap(caller)).makeCurrent()) {
            tokens(Optional.of("s3cret"), w3c).token();
        }
        tokens(Optional.of("s3cret"), w3c).token();

        assertThat(traceparents).containsExactly("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);
    }

    @Test
    void fetchesOnceAndReusesUntilNearExpiry() {
        ServiceTokens tokens = tokens(Optional.of("s3cret"));
        assertThat(tokens.token()).isEqualTo("token-1");
        assertThat(tokens.token()).isEqualTo("token-1");
        assertThat(calls.get()).isEqualTo(1);
        assertThat(bodies.get(0)).contains("\"clientId\":\"matching\"").contains("\"clientSecret\":\"s3cret\"");
    }

    @Test
    void aRenewalRunsInTheBackgroundWhileCallersGoOnWithTheirValidToken() throws Exception {
        lifetime = 120; // renewed after 60 s, valid for 120 s
        ServiceTokens tokens = tokens(Optional.of("s3cret"));
        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(90));
        hold = new CountDownLatch(1); // the gateway answers the renewal only when the test says so

        // the caller that starts the renewal does not wait for it, nor do the next ones
        assertThat(CompletableFuture.supplyAsync(tokens::token).get(1, TimeUnit.SECONDS)).isEqualTo("token-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
        assertThat(CompletableFuture.supplyAsync(tokens::token).get(1, TimeUnit.SECONDS)).isEqualTo("token-1");
        assertThat(calls.get()).as("one renewal at a time").isEqualTo(2);

        hold.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> tokens.token().equals("token-2"));
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aFailedRenewalIsTriedAgainLaterAndTheTokenKeptUntilItExpires() {
        lifetime = 120;
        ServiceTokens tokens = tokens(Optional.of("s3cret"));
        assertThat(tokens.token()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(90));
        status = 503;
        assertThat(tokens.token()).isEqualTo("token-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 2);
        // for half a second after the refusal, callers keep the token and nobody asks the gateway again
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() ->
                tokens.token().equals("token-1") && calls.get() == 2);

        clock.advance(ServiceTokens.RETRY_AFTER);
        assertThat(tokens.token()).isEqualTo("token-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 3);

        clock.advance(Duration.ofSeconds(40)); // expired: the caller waits for the gateway, which still refuses
        assertThatThrownBy(tokens::token).isInstanceOf(ServiceTokenUnavailable.class).hasMessageContaining("HTTP 503");
        status = 200;
        assertThat(tokens.token()).startsWith("token-").isNotEqualTo("token-1");
    }

    @Test
    void callersWithoutATokenShareOneFetch() throws Exception {
        ServiceTokens tokens = tokens(Optional.of("s3cret"));
        hold = new CountDownLatch(1);
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(CompletableFuture.supplyAsync(tokens::token));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.get() == 1);
        hold.countDown();
        for (CompletableFuture<String> caller : waiting) {
            assertThat(caller.get(5, TimeUnit.SECONDS)).isEqualTo("token-1");
        }
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void anUnreachableGatewayIsAServiceTokenUnavailable() {
        ServiceTokens tokens = tokens(Optional.of("s3cret"));
        gateway.stop(0);
        assertThatThrownBy(tokens::token).isInstanceOf(ServiceTokenUnavailable.class).hasMessageContaining("unreachable");
    }

    @Test
    void refusesToRunWithoutASecret() {
        assertThatThrownBy(() -> tokens(Optional.empty()).token()).hasMessageContaining("PUPITRE_SERVICE_SECRET");
    }

    @Test
    void reportsARefusal() {
        status = 401;
        assertThatThrownBy(() -> tokens(Optional.of("wrong")).token()).isInstanceOf(ServiceTokenUnavailable.class)
                .hasMessageContaining("401");
    }

    @Test
    void propagatesTheUsersTokenAndRequestIdOrFallsBackToTheServiceToken() {
        CallerHeaders headers = new CallerHeaders();
        headers.serviceTokens = tokens(Optional.of("s3cret"));

        MultivaluedHashMap<String, String> fromUser = new MultivaluedHashMap<>();
        fromUser.putSingle("Authorization", "Bearer user-token");
        fromUser.putSingle("X-Request-Id", "req-7");
        var outgoing = headers.update(fromUser, new MultivaluedHashMap<>());
        assertThat(outgoing.getFirst("Authorization")).isEqualTo("Bearer user-token");
        assertThat(outgoing.getFirst("X-Request-Id")).isEqualTo("req-7");
        assertThat(calls.get()).isZero();

        var scheduled = headers.update(new MultivaluedHashMap<>(), new MultivaluedHashMap<>());
        assertThat(scheduled.getFirst("Authorization")).isEqualTo("Bearer token-1");
        assertThat(scheduled.getFirst("X-Request-Id")).isNotBlank();
    }
}

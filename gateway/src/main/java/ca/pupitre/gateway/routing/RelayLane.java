package ca.pupitre.gateway.routing;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.partner.PartnerKeyExchange;
import ca.pupitre.gateway.ratelimit.RateLimitDecision;
import ca.pupitre.gateway.ratelimit.TrafficLimits;
import ca.pupitre.platform.http.RequestIds;
import ca.pupitre.platform.http.RouterProblems;
import ca.pupitre.platform.http.UriEncoding;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.quarkus.vertx.http.runtime.options.HttpServerCommonHandlers;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The relay lane: a request the gateway only relays is taken straight from the HTTP server to the proxy, ahead
 * of Quarkus's router and the filters that serve the gateway's own endpoints (issue 12's benchmark: on a small
 * JSON answer the router, its security and context machinery cost the gateway as much CPU as the service spent
 * making the answer; a bare Vert.x relay on the same machine matched nginx).
 * <p>
 * The lane does, for the requests it takes, what those filters would have done for them: the client address
 * and scheme resolved from a trusted proxy's headers (Quarkus's own handler, same configuration, asked only when
 * the peer may be one of them: {@link TrustedPeers}), the request
 * id, the rate limit of the request's traffic class, the problem+json answers. It takes only what needs
 * nothing else: a path a service or the web app answers, no partner key (the key exchange stays on the router),
 * no {@code Origin} and no {@code OPTIONS} (CORS stays Quarkus's), no {@code Upgrade}, a well-formed URI and a
 * declared body within the limit (the router answers the refusals with their problems). Everything else goes
 * the router's way, as before.
 * <p>
 * Quarkus has no public hook ahead of its router, so the lane wraps the HTTP server's root handler
 * ({@code VertxHttpRecorder.rootHandler}, which its server reads on every request) once at start. If a Quarkus
 * upgrade moves that field, the gateway logs it and keeps working on the router alone, and
 * {@code RelayLaneTest} fails the build: slower, never broken. {@code pupitre.upstream.relay-lane=false} turns
 * the lane off.
 *
 * @see ca.pupitre.gateway.ratelimit.TrafficClass
 */
@Singleton
public class RelayLane {

    private static final Logger LOG = Logger.getLogger(RelayLane.class);

    private final UpstreamProxy proxy;
    private final TrafficLimits limits;
    private final boolean enabled;
    private final long maxBodyBytes;
    private volatile boolean installed;
    /** Requests the lane took (metric {@code pupitre.gateway.relay.lane}: its share of the relayed traffic). */
    private final LongAdder taken = new LongAdder();

    public RelayLane(UpstreamProxy proxy, TrafficLimits limits, GatewayConfig config, MeterRegistry registry,
            @ConfigProperty(name = "pupitre.http.max-body-bytes", defaultValue = "1048576") long maxBodyBytes) {
        this.proxy = proxy;
        this.limits = limits;
        this.enabled = config.upstream().relayLane();
        this.maxBodyBytes = maxBodyBytes;
        FunctionCounter.builder("pupitre.gateway.relay.lane", taken, LongAdder::sum)
                .description("Requests relayed by the lane ahead of the router").register(registry);
    }

    /** How many requests the lane has taken since start. */
    public long taken() {
        return taken.sum();
    }

    /** Whether the lane took its place ahead of the router (false when switched off or when Quarkus moved). */
    public boolean installed() {
        return installed;
    }

    @SuppressWarnings("unchecked")
    void install(@Observes StartupEvent started, Vertx vertx) {
        if (!enabled) {
            LOG.info("Relay lane off (pupitre.upstream.relay-lane=false): every request goes through the router");
            return;
        }
        try {
            Field root = VertxHttpRecorder.class.getDeclaredField("rootHandler");
            root.setAccessible(true);
            Handler<HttpServerRequest> router = (Handler<HttpServerRequest>) root.get(null);
            if (router == null) {
                LOG.warn("Relay lane not installed: the HTTP server has no root handler yet; every request goes through the router");
                return;
            }
            SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
            VertxHttpConfig http = config.getConfigMapping(VertxHttpConfig.class);
            // behind Quarkus's forwarding handler the path is the resolved request's: its pool is looked up again
            Handler<HttpServerRequest> forwarded = HttpServerCommonHandlers.applyProxy(http.proxy(),
                    resolved -> relay(resolved, proxy.poolFor(resolved.path())), () -> vertx);
            // a peer that cannot be a trusted proxy: nothing to resolve, no wrapper around the request
            TrustedPeers trusted = http.proxy().proxyAddressForwarding()
                    ? TrustedPeers.of(config.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class))
                    : null;
            root.set(null, (Handler<HttpServerRequest>) request -> {
                UpstreamPool pool = poolIfTaken(request);
                if (pool == null) {
                    router.handle(request);
                    return;
                }
                taken.increment();
                if (trusted != null && trusted.mayBeTrusted(request.remoteAddress())) {
                    forwarded.handle(request);
                } else {
                    relay(request, pool);
                }
            });
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException moved) {
            LOG.warnf("Relay lane not installed (%s): every request goes through the router", moved.toString());
        }
    }

    /** The pool that answers this request when the lane can serve it as the router would; null otherwise. */
    private UpstreamPool poolIfTaken(HttpServerRequest request) {
        if (request.method() == HttpMethod.OPTIONS || request.getHeader(HttpHeaders.ORIGIN) != null
                || request.getHeader(PartnerKeyExchange.HEADER) != null || request.getHeader(HttpHeaders.UPGRADE) != null) {
            return null;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !withinLimit(length)) {
            return null;
        }
        return UriEncoding.wellFormed(request.uri()) ? proxy.poolFor(request.path()) : null;
    }

    private boolean withinLimit(String length) {
        try {
            long bytes = Long.parseLong(length.trim());
            return bytes >= 0 && bytes <= maxBodyBytes;
        } catch (NumberFormatException malformed) {
            return false;
        }
    }

    /** After the client's address is resolved: request id, rate limit (API paths), then the proxy. */
    private void relay(HttpServerRequest request, UpstreamPool pool) {
        String requestId = RequestIds.idFor(request);
        if (pool == null) {
            // a trusted proxy's prefix header changed the path: cannot happen while forwarded prefixes are off
            RouterProblems.send(request, requestId, 404, "NOT_FOUND", Map.of());
            return;
        }
        request.response().putHeader(RequestIds.HEADER, requestId);
        Exchange exchange = Exchange.onLane(request, requestId);
        if (!pool.upstream().servesApi()) {
            proxy.forward(exchange, pool, null); // the web app's pages: not rate-limited here, as on the router
            return;
        }
        Future<RateLimitDecision> taken = limits.take(request);
        if (taken.isComplete()) {
            admit(exchange, pool, taken);
        } else {
            request.pause(); // a shared store answers later: hold the body until the verdict
            taken.onComplete(verdict -> admit(exchange, pool, verdict));
        }
    }

    private void admit(Exchange exchange, UpstreamPool pool, AsyncResult<RateLimitDecision> taken) {
        if (!TrafficLimits.storeDown(taken)) {
            RateLimitDecision decision = taken.result();
            if (!decision.allowed()) {
                exchange.request.resume();
                RouterProblems.send(exchange.request, exchange.requestId, 429, "RATE_LIMITED", decision.headers(),
                        decision.retryAfterSeconds());
                return;
            }
            decision.headers().forEach(exchange.response()::putHeader);
        }
        proxy.forward(exchange, pool, null);
    }
}

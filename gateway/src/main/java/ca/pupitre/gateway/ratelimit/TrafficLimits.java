package ca.pupitre.gateway.ratelimit;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.partner.PartnerKeyExchange;
import ca.pupitre.platform.http.RouterProblems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Rate limits for everyone who is not a partner (partners are limited per key by {@link PartnerKeyExchange}),
 * in front of every {@code /api/v1} route, the gateway's own and the proxied ones: each request takes one token
 * from the bucket of its {@link TrafficClass} for its client address (anonymous), or for its account (signed in,
 * with a token this gateway signed and that is still valid). Answers carry {@code RateLimit-Limit},
 * {@code -Remaining} and {@code -Reset}; a refusal is a 429 problem with {@code Retry-After}.
 * <p>
 * The client address is the one Quarkus resolved: a configured proxy's {@code X-Forwarded-For}, else the peer.
 * Buckets live in the same store as the partners' (bounded in memory, or Redis shared by every gateway).
 * Verified tokens are remembered (bounded, one minute) so that a signed-in request costs one signature check a
 * minute, not one per request. A token that does not verify counts as anonymous: the service refuses it anyway.
 */
@Singleton
public class TrafficLimits {

    private static final Logger LOG = Logger.getLogger(TrafficLimits.class);
    private static final String BEARER = "Bearer ";

    private record Budget(int capacity, double refillPerSecond) {
    }

    private final RateLimiter limiter;
    private final JWTParser tokens;
    private final Map<TrafficClass, Budget> budgets = new EnumMap<>(TrafficClass.class);
    private final Cache<String, Optional<String>> accounts = Caffeine.newBuilder().maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(1)).executor(Runnable::run).build();

    public TrafficLimits(GatewayConfig config, RateLimiter limiter, JWTParser tokens) {
        this.limiter = limiter;
        this.tokens = tokens;
        double scale = config.rateLimit().scale();
        if (scale <= 0) {
            throw new IllegalArgumentException("pupitre.rate-limit.scale must be > 0");
        }
        for (TrafficClass c : TrafficClass.values()) {
            GatewayConfig.RateLimit.Budget b = config.rateLimit().budgets().get(c.configName());
            if (b == null) {
                throw new IllegalArgumentException("Missing pupitre.rate-limit.budgets." + c.configName() + ".*");
            }
            int capacity = (int) Math.min(Integer.MAX_VALUE, Math.round(b.capacity() * scale));
            double refill = b.refillPerSecond() * scale;
            if (capacity < 1 || refill <= 0) {
                throw new IllegalArgumentException("pupitre.rate-limit.budgets." + c.configName()
                        + ": capacity must be >= 1 and refill-per-second > 0");
            }
            budgets.put(c, new Budget(capacity, refill));
        }
        LOG.infof("Rate limits for everyone (scale %s): %s", scale, budgets);
    }

    void init(@Observes Router router) {
        // before the partner keys and the proxy (order -100) and before the gateway's own REST resources
        router.route("/api/v1/*").order(-200).handler(this::limit);
    }

    void limit(RoutingContext ctx) {
        Future<RateLimitDecision> taken = take(ctx.request());
        if (taken == null) {
            ctx.next(); // a partner's key: limited per partner, once the key is known good
        } else if (taken.isComplete()) {
            decide(ctx, taken);
        } else {
            // a shared store answers later: hold the body until the verdict
            ctx.request().pause();
            taken.onComplete(result -> {
                ctx.request().resume();
                decide(ctx, result);
            });
        }
    }

    /**
     * Takes this request's token from its bucket: per address or per account, by {@link TrafficClass}. Null for
     * a request carrying a partner's key, which {@link PartnerKeyExchange} limits per partner. The future is
     * complete at once with the in-memory store; later with Redis.
     */
    public Future<RateLimitDecision> take(HttpServerRequest request) {
        if (request.getHeader(PartnerKeyExchange.HEADER) != null) {
            return null;
        }
        TrafficClass trafficClass = TrafficClass.of(request.method(), request.path());
        String key;
        if (trafficClass.perAddressAlways()) {
            key = trafficClass.configName() + ":" + address(request);
        } else {
            Optional<String> account = account(request.getHeader("Authorization"));
            if (account.isPresent()) {
                trafficClass = TrafficClass.ACCOUNT;
                key = "account:" + account.get();
            } else {
                key = trafficClass.configName() + ":" + address(request);
            }
        }
        Budget budget = budgets.get(trafficClass);
        return limiter.take(key, budget.capacity(), budget.refillPerSecond());
    }

    /** A verdict that cannot be had (the shared store is down) lets the request through: logged, not refused. */
    public static boolean storeDown(AsyncResult<RateLimitDecision> taken) {
        if (taken.failed()) {
            LOG.warnf("Rate limit store unavailable, request let through: %s", taken.cause().toString());
            return true;
        }
        return false;
    }

    private static void decide(RoutingContext ctx, AsyncResult<RateLimitDecision> taken) {
        if (storeDown(taken)) {
            // a shared store that is down must not take the API down with it: fail open, loudly
            ctx.next();
            return;
        }
        RateLimitDecision decision = taken.result();
        if (!decision.allowed()) {
            RouterProblems.send(ctx, 429, "RATE_LIMITED", decision.headers(), decision.retryAfterSeconds());
            return;
        }
        decision.headers().forEach(ctx.response()::putHeader);
        ctx.next();
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** The account of a valid bearer token this gateway signed, remembered for a minute; empty otherwise. */
    private Optional<String> account(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty() || token.length() > 8192) {
            return Optional.empty();
        }
        return accounts.get(token, t -> {
            try {
                JsonWebToken jwt = tokens.parse(t);
                return Optional.ofNullable(jwt.getSubject());
            } catch (ParseException | RuntimeException notOurs) {
                return Optional.empty();
            }
        });
    }
}

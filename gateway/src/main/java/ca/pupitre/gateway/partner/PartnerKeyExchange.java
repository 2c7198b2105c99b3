package ca.pupitre.gateway.partner;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.domain.Role;
import ca.pupitre.gateway.ratelimit.RateLimitDecision;
import ca.pupitre.gateway.ratelimit.RateLimiter;
import ca.pupitre.gateway.service.TokenIssuer;
import ca.pupitre.platform.http.RouterProblems;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * In front of the proxy: a request carrying {@code X-Api-Key} is checked, rate-limited per partner
 * and forwarded with a short-lived gateway-signed PARTNER token instead of any Authorization header
 * it had; the key itself never reaches a service. Requests without a key pass untouched.
 *
 * <p>Key lookups run on a worker thread, never on the event loop. A found key is remembered for at
 * most {@code pupitre.partners.key-cache-ttl} and forgotten as soon as a rotation or revocation
 * commits on this instance; its status is re-evaluated on every request, so a grace period ends on
 * time. The PARTNER token of a key is reused until one minute before it expires.
 */
@Singleton
public class PartnerKeyExchange {

    public static final String HEADER = "X-Api-Key";
    private static final String AUTHORIZATION = "pupitre.partner.authorization";
    private static final Logger LOG = Logger.getLogger(PartnerKeyExchange.class);

    private record CachedKey(KeySnapshot key, Instant loadedAt) {
    }

    private record CachedToken(String bearer, Instant renewAt) {
    }

    private final PartnerService partners;
    private final TokenIssuer tokens;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Duration keyCacheTtl;
    private final Duration tokenTtl;
    private final ConcurrentMap<String, CachedKey> keyCache = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CachedToken> tokenCache = new ConcurrentHashMap<>();
    /** Bumped by every committed key change: a lookup that raced with one is used but not cached. */
    private final AtomicLong changes = new AtomicLong();

    public PartnerKeyExchange(PartnerService partners, TokenIssuer tokens, RateLimiter limiter, GatewayConfig config,
            Clock clock) {
        this.partners = partners;
        this.tokens = tokens;
        this.limiter = limiter;
        this.clock = clock;
        this.keyCacheTtl = config.partners().keyCacheTtl();
        this.tokenTtl = config.partners().tokenTtl();
    }

    /** Checks the request's API key, if any, then calls {@code next} (or answers 401/429 itself). */
    public void handle(RoutingContext ctx, Runnable next) {
        String presented = ctx.request().getHeader(HEADER);
        if (presented == null) {
            next.run();
            return;
        }
        ctx.request().pause();
        Optional<String> prefix = ApiKeys.prefixOf(presented.trim());
        if (prefix.isEmpty()) {
            reject(ctx);
            return;
        }
        CachedKey cached = keyCache.get(prefix.get());
        if (cached != null && clock.instant().isBefore(cached.loadedAt().plus(keyCacheTtl))) {
            check(ctx, presented.trim(), cached.key(), next);
            return;
        }
        long changesBefore = changes.get();
        ctx.vertx().executeBlocking(() -> partners.lookup(prefix.get()), false).onComplete(looked -> {
            if (looked.failed()) {
                LOG.errorf(looked.cause(), "Partner key lookup failed");
                ctx.request().resume();
                RouterProblems.send(ctx, 503, "SERVICE_UNAVAILABLE", Map.of("Retry-After", "5"), "gateway");
                return;
            }
            Optional<KeySnapshot> key = looked.result();
            if (key.isEmpty()) {
                reject(ctx);
                return;
            }
            if (!keyCacheTtl.isZero() && changes.get() == changesBefore) {
                keyCache.put(prefix.get(), new CachedKey(key.get(), clock.instant()));
            }
            check(ctx, presented.trim(), key.get(), next);
        });
    }

    private void check(RoutingContext ctx, String presented, KeySnapshot key, Runnable next) {
        Instant now = clock.instant();
        if (!key.worksAt(now) || !ApiKeys.matches(presented, key.keyHash())) {
            reject(ctx);
            return;
        }
        limiter.take("partner:" + key.partnerId()).onComplete(taken -> {
            if (taken.failed()) {
                // A shared store that is down must not take the feeds down with it: fail open, loudly.
                LOG.warnf("Rate limit store unavailable, request let through: %s", taken.cause().toString());
            } else {
                RateLimitDecision decision = taken.result();
                if (!decision.allowed()) {
                    ctx.request().resume();
                    RouterProblems.send(ctx, 429, "RATE_LIMITED", decision.headers(), decision.retryAfterSeconds());
                    return;
                }
                decision.headers().forEach(ctx.response()::putHeader);
            }
            ctx.put(AUTHORIZATION, bearerFor(key, clock.instant()));
            next.run();
        });
    }

    private String bearerFor(KeySnapshot key, Instant now) {
        CachedToken cached = tokenCache.get(key.prefix());
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.bearer();
        }
        String jwt = tokens.sign("partner:" + key.partnerId(), Role.PARTNER, tokenTtl,
                Map.of("partnerId", key.partnerId().toString(), "feeds", key.feeds()));
        Duration margin = tokenTtl.compareTo(Duration.ofMinutes(2)) >= 0 ? Duration.ofMinutes(1) : tokenTtl.dividedBy(2);
        CachedToken fresh = new CachedToken("Bearer " + jwt, now.plus(tokenTtl).minus(margin));
        tokenCache.put(key.prefix(), fresh);
        return fresh.bearer();
    }

    private static void reject(RoutingContext ctx) {
        ctx.request().resume();
        RouterProblems.send(ctx, 401, "INVALID_API_KEY", Map.of("WWW-Authenticate", "ApiKey realm=\"pupitre\""));
    }

    /** Sets the outgoing headers of a proxied request: never the API key; the PARTNER token when exchanged. */
    public static void applyTo(RoutingContext ctx, MultiMap outgoing) {
        outgoing.remove(HEADER);
        String bearer = ctx.get(AUTHORIZATION);
        if (bearer != null) {
            outgoing.set("Authorization", bearer);
        }
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) PartnerKeysChanged changed) {
        changes.incrementAndGet();
        changed.prefixes().forEach(prefix -> {
            keyCache.remove(prefix);
            tokenCache.remove(prefix);
        });
    }
}

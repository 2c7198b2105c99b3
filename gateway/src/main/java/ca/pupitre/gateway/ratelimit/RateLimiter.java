package ca.pupitre.gateway.ratelimit;

import ca.pupitre.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Token buckets: per partner ({@code pupitre.rate-limit.capacity}, {@code refill-per-second}), per sign-in
 * e-mail and address, and the budgets of everyone else ({@link TrafficLimits}). In memory unless
 * {@code pupitre.rate-limit.redis-url} is set; then in Redis, so the limit holds across instances.
 * The Redis client is created here, only when configured: the gateway starts without Redis.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private final TokenBucketStore store;
    private final int capacity;
    private final double refillPerSecond;
    private final int signInCapacity;
    private final double signInRefillPerSecond;

    public RateLimiter(GatewayConfig config, Vertx vertx) {
        this.capacity = config.rateLimit().capacity();
        this.refillPerSecond = config.rateLimit().refillPerSecond();
        this.signInCapacity = config.rateLimit().signInCapacity();
        this.signInRefillPerSecond = config.rateLimit().signInRefillPerSecond();
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("pupitre.rate-limit.capacity must be >= 1 and refill-per-second > 0");
        }
        this.store = config.rateLimit().redisUrl().filter(url -> !url.isBlank())
                .<TokenBucketStore>map(url -> new RedisTokenBuckets(vertx, url, "pupitre:rate-limit:"))
                .orElseGet(InMemoryTokenBuckets::new);
        LOG.infof("Partner rate limit: %d burst, %s per second, %s store", capacity, refillPerSecond,
                store instanceof RedisTokenBuckets ? "Redis" : "in-memory");
    }

    /** Takes one token from the partner bucket {@code key}. */
    public Future<RateLimitDecision> take(String key) {
        return take(key, capacity, refillPerSecond);
    }

    /** Takes one token from {@code key}'s bucket of this size and refill rate. */
    public Future<RateLimitDecision> take(String key, int capacity, double refillPerSecond) {
        return store.take(key, capacity, refillPerSecond).map(take -> RateLimitDecision.of(take, capacity, refillPerSecond));
    }

    /**
     * Takes one sign-in attempt for this e-mail from this client address (password guessing is slowed
     * per account and per address, without letting a stranger lock the owner out from elsewhere).
     */
    public RateLimitDecision takeSignIn(String email, String clientAddress) {
        String key = "sign-in:" + email.strip().toLowerCase(Locale.ROOT) + "|" + clientAddress;
        return store.take(key, signInCapacity, signInRefillPerSecond)
                .map(take -> RateLimitDecision.of(take, signInCapacity, signInRefillPerSecond))
                .toCompletionStage().toCompletableFuture().orTimeout(2, TimeUnit.SECONDS)
                .exceptionally(storeDown -> {
                    LOG.warnf("Sign-in rate limit store unavailable (%s): attempt let through", storeDown.toString());
                    return new RateLimitDecision(true, signInCapacity, signInCapacity, 0, 0);
                })
                .join();
    }

    @PreDestroy
    void close() {
        store.close();
    }
}

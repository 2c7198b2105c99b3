package ca.pupitre.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Buckets in this process only: right for one gateway instance, and the default. Bounded, so a flood of
 * new keys (addresses, e-mails tried at sign-in) cannot grow memory: at most {@code maxBuckets} are kept
 * (Caffeine's admission keeps the busy ones when strangers flood in), and a bucket idle for
 * {@code idleExpiry} is dropped (by then it would be full again, so dropping it changes no answer).
 */
public final class InMemoryTokenBuckets implements TokenBucketStore {

    /** Buckets kept at most by default (about 15 MB). */
    public static final long DEFAULT_MAX_BUCKETS = 100_000;
    public static final Duration DEFAULT_IDLE_EXPIRY = Duration.ofMinutes(10);

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    private final Cache<String, Bucket> buckets;
    private final LongSupplier nanoTime;

    public InMemoryTokenBuckets() {
        this(DEFAULT_MAX_BUCKETS, DEFAULT_IDLE_EXPIRY, System::nanoTime);
    }

    public InMemoryTokenBuckets(long maxBuckets, Duration idleExpiry) {
        this(maxBuckets, idleExpiry, System::nanoTime);
    }

    /** With a given monotonic clock in nanoseconds, for tests. */
    public InMemoryTokenBuckets(LongSupplier nanoTime) {
        this(DEFAULT_MAX_BUCKETS, DEFAULT_IDLE_EXPIRY, nanoTime);
    }

    InMemoryTokenBuckets(long maxBuckets, Duration idleExpiry, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(idleExpiry)
                .ticker(nanoTime::getAsLong).executor(Runnable::run).build();
    }

    @Override
    public Future<Take> take(String key, int capacity, double refillPerSecond) {
        return Future.succeededFuture(takeNow(key, capacity, refillPerSecond));
    }

    Take takeNow(String key, int capacity, double refillPerSecond) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            double elapsedSeconds = Math.max(0, now - bucket.updatedNanos) / 1e9;
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsedSeconds * refillPerSecond);
            bucket.updatedNanos = Math.max(bucket.updatedNanos, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Take(true, bucket.tokens);
            }
            return new Take(false, bucket.tokens);
        }
    }

    /** Buckets held now (after pending evictions), for tests and metrics. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}

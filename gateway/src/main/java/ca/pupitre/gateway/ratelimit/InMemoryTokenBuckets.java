package ca.pupitre.gateway.ratelimit;

import io.vertx.core.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/** Buckets in this process only: right for one gateway instance, and the default. */
public final class InMemoryTokenBuckets implements TokenBucketStore {

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public InMemoryTokenBuckets() {
        this(System::nanoTime);
    }

    /** With a given monotonic clock in nanoseconds, for tests. */
    public InMemoryTokenBuckets(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public Future<Take> take(String key, int capacity, double refillPerSecond) {
        return Future.succeededFuture(takeNow(key, capacity, refillPerSecond));
    }

    Take takeNow(String key, int capacity, double refillPerSecond) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
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
}

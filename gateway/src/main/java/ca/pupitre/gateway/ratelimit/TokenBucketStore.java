package ca.pupitre.gateway.ratelimit;

import io.vertx.core.Future;

/** Where token buckets live: takes one token from a bucket atomically, never blocking the caller. */
public interface TokenBucketStore extends AutoCloseable {

    /** The outcome of one take: whether a token was there, and how many are left (fractional). */
    record Take(boolean allowed, double tokensLeft) {
    }

    Future<Take> take(String key, int capacity, double refillPerSecond);

    @Override
    default void close() {
    }
}

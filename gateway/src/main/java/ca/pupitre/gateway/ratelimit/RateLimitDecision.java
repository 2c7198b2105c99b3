package ca.pupitre.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rate-limit verdict and the IETF draft headers that tell it: {@code RateLimit-Limit} (bucket
 * size), {@code RateLimit-Remaining} (whole tokens left), {@code RateLimit-Reset} (seconds until
 * the bucket is full again) and, when refused, {@code Retry-After} (seconds until one token).
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {

    static RateLimitDecision of(TokenBucketStore.Take take, int capacity, double refillPerSecond) {
        double left = Math.max(0, take.tokensLeft());
        long reset = (long) Math.ceil((capacity - left) / refillPerSecond);
        long retryAfter = take.allowed() ? 0 : Math.max(1, (long) Math.ceil((1 - left) / refillPerSecond));
        return new RateLimitDecision(take.allowed(), capacity, (int) Math.floor(left), Math.max(reset, retryAfter), retryAfter);
    }

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Integer.toString(limit));
        headers.put("RateLimit-Remaining", Integer.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }
}

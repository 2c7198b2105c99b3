package ca.pupitre.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryTokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InMemoryTokenBuckets buckets = new InMemoryTokenBuckets(nanos::get);

    @Test
    void allowsABurstOfCapacityThenRefuses() {
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.takeNow("a", 5, 1).allowed()).isTrue();
        }
        TokenBucketStore.Take refused = buckets.takeNow("a", 5, 1);
        assertThat(refused.allowed()).isFalse();
        RateLimitDecision decision = RateLimitDecision.of(refused, 5, 1);
        assertThat(decision.headers()).containsEntry("RateLimit-Limit", "5").containsEntry("RateLimit-Remaining", "0")
                .containsEntry("Retry-After", "1").containsEntry("RateLimit-Reset", "5");
    }

    @Test
    void refillsAtTheConfiguredRateUpToCapacity() {
        for (int i = 0; i < 3; i++) {
            buckets.takeNow("a", 3, 2);
        }
        assertThat(buckets.takeNow("a", 3, 2).allowed()).isFalse();
        nanos.addAndGet(500_000_000L);
        assertThat(buckets.takeNow("a", 3, 2).allowed()).isTrue();
        assertThat(buckets.takeNow("a", 3, 2).allowed()).isFalse();
        nanos.addAndGet(3_600_000_000_000L);
        TokenBucketStore.Take full = buckets.takeNow("a", 3, 2);
        assertThat(full.tokensLeft()).isEqualTo(2.0);
    }

    @Test
    void bucketsAreIndependent() {
        for (int i = 0; i < 2; i++) {
            buckets.takeNow("a", 2, 0.1);
        }
        assertThat(buckets.takeNow("a", 2, 0.1).allowed()).isFalse();
        assertThat(buckets.takeNow("b", 2, 0.1).allowed()).isTrue();
    }

    @Test
    void retryAfterCountsTheTimeToOneToken() {
        RateLimitDecision decision = RateLimitDecision.of(new TokenBucketStore.Take(false, 0.25), 10, 0.1);
        assertThat(decision.retryAfterSeconds()).isEqualTo(8);
        assertThat(decision.resetSeconds()).isEqualTo(98);
        assertThat(decision.remaining()).isZero();
    }
}

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

    @Test
    void aFloodOfNewKeysCannotGrowMemoryAndBusyBucketsSurviveIt() {
        InMemoryTokenBuckets bounded = new InMemoryTokenBuckets(1_000, java.time.Duration.ofMinutes(10), nanos::get);
        for (int i = 0; i < 3; i++) {
            bounded.takeNow("sign-in:josee@example.ca|203.0.113.7", 3, 0.01);
        }
        for (int i = 0; i < 50_000; i++) {
            bounded.takeNow("sign-in:stranger-" + i + "@example.ca|198.51.100." + (i % 250), 3, 0.01);
            if (i % 100 == 0) {
                // the busy bucket keeps being asked for, as an attacker guessing her password would
                bounded.takeNow("sign-in:josee@example.ca|203.0.113.7", 3, 0.01);
            }
        }
        assertThat(bounded.size()).isLessThanOrEqualTo(1_000);
        // still empty: the flood did not hand her attacker a fresh bucket
        assertThat(bounded.takeNow("sign-in:josee@example.ca|203.0.113.7", 3, 0.01).allowed()).isFalse();
    }

    @Test
    void anIdleBucketIsDroppedOnceItWouldBeFullAgain() {
        InMemoryTokenBuckets bounded = new InMemoryTokenBuckets(1_000, java.time.Duration.ofMinutes(10), nanos::get);
        bounded.takeNow("a", 2, 1);
        bounded.takeNow("b", 2, 1);
        assertThat(bounded.size()).isEqualTo(2);
        nanos.addAndGet(java.time.Duration.ofMinutes(11).toNanos());
        assertThat(bounded.size()).isZero();
        assertThat(bounded.takeNow("a", 2, 1).tokensLeft()).isEqualTo(1.0);
    }
}

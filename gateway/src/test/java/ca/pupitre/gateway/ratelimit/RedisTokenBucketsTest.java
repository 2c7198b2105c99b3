package ca.pupitre.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real Redis on 127.0.0.1:6379; skipped when none answers. */
class RedisTokenBucketsTest {

    private static final String URL = System.getProperty("pupitre.test.redis-url", "redis://127.0.0.1:6379");
    private static Vertx vertx;
    private final String namespace = "pupitre-test:" + UUID.randomUUID() + ":";

    @BeforeAll
    static void redisIsThere() {
        RedisAtHand.requireOrSkip();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void close() {
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void allowsCapacityThenRefusesWithTheTimeToOneToken() throws Exception {
        try (RedisTokenBuckets buckets = new RedisTokenBuckets(vertx, URL, namespace)) {
            for (int i = 0; i < 3; i++) {
                assertThat(await(buckets.take("p1", 3, 0.01)).allowed()).isTrue();
            }
            TokenBucketStore.Take refused = await(buckets.take("p1", 3, 0.01));
            assertThat(refused.allowed()).isFalse();
            assertThat(RateLimitDecision.of(refused, 3, 0.01).retryAfterSeconds()).isBetween(90L, 100L);
            assertThat(await(buckets.take("p2", 3, 0.01)).allowed()).isTrue();
        }
    }

    @Test
    void twoGatewayInstancesShareOneBucket() throws Exception {
        try (RedisTokenBuckets first = new RedisTokenBuckets(vertx, URL, namespace);
                RedisTokenBuckets second = new RedisTokenBuckets(vertx, URL, namespace)) {
            assertThat(await(first.take("shared", 2, 0.01)).allowed()).isTrue();
            assertThat(await(second.take("shared", 2, 0.01)).allowed()).isTrue();
            assertThat(await(first.take("shared", 2, 0.01)).allowed()).isFalse();
            assertThat(await(second.take("shared", 2, 0.01)).allowed()).isFalse();
        }
    }

    @Test
    void refillsOverTime() throws Exception {
        try (RedisTokenBuckets buckets = new RedisTokenBuckets(vertx, URL, namespace)) {
            assertThat(await(buckets.take("fast", 1, 20)).allowed()).isTrue();
            assertThat(await(buckets.take("fast", 1, 20)).allowed()).isFalse();
            Thread.sleep(150);
            assertThat(await(buckets.take("fast", 1, 20)).allowed()).isTrue();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}

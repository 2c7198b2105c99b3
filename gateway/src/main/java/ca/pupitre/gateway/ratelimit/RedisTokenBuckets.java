package ca.pupitre.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * Buckets in Redis, shared by every gateway instance. One Lua script reads, refills and takes
 * atomically, on Redis's own clock ({@code TIME}) so instances with skewed clocks agree. Each
 * bucket expires once it would be full again, so idle partners cost nothing.
 */
public final class RedisTokenBuckets implements TokenBucketStore {

    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local capacity = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1])
            local ts = tonumber(state[2])
            if tokens == nil or ts == nil then
              tokens = capacity
              ts = now
            end
            tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(math.max(now, ts)))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
            return {allowed, tostring(tokens)}
            """;

    private final Redis redis;
    private final RedisAPI api;
    private final String namespace;

    public RedisTokenBuckets(Vertx vertx, String url, String namespace) {
        this.redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(url).setMaxWaitingHandlers(1024));
        this.api = RedisAPI.api(redis);
        this.namespace = namespace;
    }

    @Override
    public Future<Take> take(String key, int capacity, double refillPerSecond) {
        return api.eval(List.of(SCRIPT, "1", namespace + key, Integer.toString(capacity), Double.toString(refillPerSecond)))
                .map(RedisTokenBuckets::parse);
    }

    private static Take parse(Response response) {
        return new Take(response.get(0).toInteger() == 1, Double.parseDouble(response.get(1).toString()));
    }

    @Override
    public void close() {
        redis.close(); // also closes the RedisAPI wrapping it
    }
}

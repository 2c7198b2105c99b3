package ca.pupitre.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The instances of one service and which one gets the next request: the healthy one with the fewest requests
 * in flight, round robin among equals. With several instances, each is asked {@code /q/health/ready} on its
 * management port every {@code healthCheckEvery}; a failed answer, or a connection the relay could not make,
 * takes it out until it answers 200 again. When none is healthy every instance is tried anyway (health is
 * a hint, and the person waiting gets an answer either way). One instance: no checks, it is always used.
 */
final class UpstreamPool {

    private static final Logger LOG = Logger.getLogger(UpstreamPool.class);

    /** One instance, with what the pool knows of it. */
    static final class Member {
        final Upstreams.Instance instance;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean healthy = true;

        Member(Upstreams.Instance instance) {
            this.instance = instance;
        }

        /** Counts a request in flight until the returned lease ends (ending twice is harmless). */
        Runnable lease() {
            inFlight.incrementAndGet();
            AtomicBoolean ended = new AtomicBoolean();
            return () -> {
                if (ended.compareAndSet(false, true)) {
                    inFlight.decrementAndGet();
                }
            };
        }

        @Override
        public String toString() {
            return instance.toString();
        }
    }

    /** Whether this service answers the public {@code path}. */
    boolean matches(String path) {
        return paths.matcher(path).matches();
    }

    /** The lease of a pool with one instance, where requests in flight are not counted (nothing to choose). */
    static final Runnable NO_LEASE = () -> { };

    private final Upstreams.Upstream upstream;
    private final List<Member> members = new ArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final Pattern paths;

    UpstreamPool(Upstreams.Upstream upstream) {
        this.upstream = upstream;
        this.paths = upstream.pathPattern();
        upstream.instances().forEach(i -> members.add(new Member(i)));
    }

    Upstreams.Upstream upstream() {
        return upstream;
    }

    List<Member> members() {
        return members;
    }

    boolean balanced() {
        return members.size() > 1;
    }

    /** The next instance, other than {@code avoid} when there is another (null: any). */
    Member pick(Member avoid) {
        if (members.size() == 1) {
            return members.get(0);
        }
        int start = Math.floorMod(turn.getAndIncrement(), members.size());
        Member best = null;
        for (boolean healthyOnly : new boolean[] {true, false}) {
            for (int k = 0; k < members.size(); k++) {
                Member m = members.get((start + k) % members.size());
                if (m == avoid || (healthyOnly && !m.healthy)) {
                    continue;
                }
                if (best == null || m.inFlight.get() < best.inFlight.get()) {
                    best = m;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return avoid; // the only one left
    }

    /** The relay could not connect to {@code member}: out until its health check says otherwise. */
    void unreachable(Member member) {
        if (balanced() && member.healthy) {
            member.healthy = false;
            LOG.warnf("%s instance %s unreachable: out of rotation until healthy", upstream.name(), member);
        }
    }

    /** Starts the health checks (only with several instances). */
    void watch(Vertx vertx, HttpClient client, Duration every) {
        if (!balanced()) {
            return;
        }
        long periodMs = Math.max(100, every.toMillis());
        long timeoutMs = Math.max(periodMs, 1000); // a busy instance gets a second to say it is ready
        vertx.setPeriodic(periodMs, tick -> members.forEach(m -> check(client, m, timeoutMs)));
    }

    private void check(HttpClient client, Member member, long timeoutMs) {
        URI health = member.instance.management();
        int port = health.getPort() > 0 ? health.getPort() : 80;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(health.getHost()).setPort(port)
                .setURI(health.getRawPath() + "/q/health/ready").setConnectTimeout(timeoutMs).setIdleTimeout(timeoutMs);
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(answered -> {
                    boolean ready = answered.succeeded() && answered.result() == 200;
                    if (ready != member.healthy) {
                        member.healthy = ready;
                        if (ready) {
                            LOG.infof("%s instance %s healthy: back in rotation", upstream.name(), member);
                        } else {
                            LOG.warnf("%s instance %s not ready (%s): out of rotation", upstream.name(), member,
                                    answered.succeeded() ? "status " + answered.result() : answered.cause().toString());
                        }
                    }
                });
    }
}

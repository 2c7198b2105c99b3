package ca.pupitre.platform.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is sane, a new UUID otherwise.
 * The id is put back on the request (so mappers and REST clients see it), echoed on the response
 * and placed in the logging context.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "pupitre.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::assign, 10_000);
    }

    /**
     * A random (version 4) UUID from the thread's own generator: a request id names a request in the logs, it
     * guards nothing, so it need not come from SecureRandom, whose shared source every request would wait on.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** The caller's id when it is sane, a new one otherwise (nothing is changed on the request). */
    public static String idFor(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        return id == null || !SANE.matcher(id).matches() ? newId() : id;
    }

    static void assign(RoutingContext ctx) {
        String id = idFor(ctx.request());
        if (!id.equals(ctx.request().getHeader(HEADER))) {
            ctx.request().headers().set(HEADER, id);
        }
        ctx.put(CONTEXT_KEY, id);
        ctx.response().putHeader(HEADER, id);
        MDC.put("requestId", id);
        ctx.addEndHandler(done -> MDC.remove("requestId"));
        ctx.next();
    }

    public static String of(RoutingContext ctx) {
        String id = ctx.get(CONTEXT_KEY);
        return id != null ? id : ctx.request().getHeader(HEADER);
    }
}

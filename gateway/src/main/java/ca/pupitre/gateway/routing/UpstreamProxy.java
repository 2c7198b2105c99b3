package ca.pupitre.gateway.routing;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.partner.PartnerKeyExchange;
import ca.pupitre.platform.http.AcceptEncoding;
import ca.pupitre.platform.http.RequestIds;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Routes public {@code /api/v1/**} paths to the service that owns them, streaming bodies both ways
 * (a large feed is never buffered here). Hop-by-hop headers are dropped, {@code X-Forwarded-*} and
 * {@code X-Request-Id} are set, and an upstream that is down (503) or silent for longer than
 * {@code pupitre.upstream.timeout} (504) gives a problem+json answer instead of a hang.
 *
 * <p>Written on Vert.x's HTTP client rather than vertx-http-proxy: that module is a tech preview
 * on Vert.x 4.5 and answers upstream failures with a bare 502, while we owe callers 503/504
 * problem+json with the request id. The whole proxy is this one class, with
 * {@link PartnerKeyExchange} in front of it for requests carrying a partner API key.
 */
@Singleton
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding", "upgrade", "host");
    /**
     * What a client says about where the request came from is not forwarded as is: the gateway writes these
     * from what it saw, and Quarkus reads a client's own only from the proxies in
     * {@code quarkus.http.proxy.trusted-proxies} (see application.properties).
     */
    private static final Set<String> FORWARDING = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-server", "x-real-ip");

    /**
     * The trace context is not copied either: the gateway continues the caller's trace with a span of its own, and its
     * HTTP client (traced by OpenTelemetry) sends the service the context of the relay's span, so the service's span
     * is the relay's child instead of the caller's sibling.
     */
    private static final Set<String> TRACE_CONTEXT = Set.of("traceparent", "tracestate", "baggage");

    private final GatewayConfig config;
    private final PartnerKeyExchange partnerKeys;
    /**
     * One client per event loop. A pooled connection belongs to the event loop that opened it, and a request
     * sent on it from another loop has each of its events handed across threads (a queued task and a wake-up
     * each time); with a client per loop, a request and its connection share the thread that handles the client.
     */
    private ThreadLocal<HttpClient> clients;
    private long connectTimeoutMs;
    private long idleTimeoutMs;

    private final OwnManagementInterface server;
    private volatile UpstreamPool swaggerUi;

    public UpstreamProxy(GatewayConfig config, PartnerKeyExchange partnerKeys, OwnManagementInterface server) {
        this.config = config;
        this.partnerKeys = partnerKeys;
        this.server = server;
    }

    void init(@Observes Router router, Vertx vertx) {
        idleTimeoutMs = config.upstream().timeout().toMillis();
        connectTimeoutMs = config.upstream().connectTimeout().toMillis();
        HttpClientOptions relayOptions = new HttpClientOptions()
                .setConnectTimeout((int) connectTimeoutMs)
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setDecompressionSupported(false);
        clients = ThreadLocal.withInitial(() -> vertx.createHttpClient(relayOptions));
        // health checks of services with several instances: their own small client
        HttpClient checks = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(4));
        for (Upstreams.Upstream upstream : Upstreams.from(config.upstream())) {
            UpstreamPool pool = new UpstreamPool(upstream);
            pool.watch(vertx, checks, config.upstream().healthCheckEvery());
            router.routeWithRegex(upstream.pathPattern().pattern()).order(-100)
                    .handler(ctx -> partnerKeys.handle(ctx, () -> forward(Exchange.routed(ctx), pool, null)));
            lanes.add(pool);
        }
        // The web app's pages: same relay, no partner keys (partners use the API)
        UpstreamPool web = new UpstreamPool(Upstreams.web(config.upstream()));
        web.watch(vertx, checks, config.upstream().healthCheckEvery());
        router.routeWithRegex(web.upstream().pathPattern().pattern()).order(-100).handler(ctx -> forward(Exchange.routed(ctx), web, null));
        lanes.add(web);
        // Swagger UI of the public document: Quarkus serves it beside the OpenAPI documents, on the management
        // interface only; the public port relays this one path to it (the rest of the management port stays private)
        router.routeWithRegex(SWAGGER_UI.pattern()).order(-100).handler(ctx -> forward(Exchange.routed(ctx), swaggerUi(), null));
    }

    /** The services and the web app, in the order their paths are tried (their paths do not overlap). */
    private final List<UpstreamPool> lanes = new ArrayList<>();

    /** The pool whose public paths include {@code path}, if any (the relay lane's question). */
    UpstreamPool poolFor(String path) {
        for (UpstreamPool pool : lanes) {
            if (pool.matches(path)) {
                return pool;
            }
        }
        return null;
    }

    /** {@code quarkus.swagger-ui.path}: the same path on both ports. */
    static final Pattern SWAGGER_UI = Pattern.compile("^/api/v1/docs(/.*)?$");

    /** The gateway's own management interface (its port is known once the server listens). */
    private UpstreamPool swaggerUi() {
        UpstreamPool known = swaggerUi;
        if (known == null) {
            int port = server.port();
            known = new UpstreamPool(new Upstreams.Upstream("swagger-ui", List.of(new Upstreams.Instance("127.0.0.1", port,
                    URI.create("http://127.0.0.1:" + port))), List.of()));
            swaggerUi = known;
        }
        return known;
    }

    /** Methods a retry cannot do twice (RFC 9110 9.2.2), and only when no byte reached the first instance. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET,
            HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT,
            HttpMethod.DELETE);

    /**
     * Relays the request to an instance of {@code pool}. When the connection to that instance cannot be made (no
     * byte of the request left), an idempotent request is tried once more on another instance.
     */
    void forward(Exchange ctx, UpstreamPool pool, UpstreamPool.Member failed) {
        Upstreams.Upstream upstream = pool.upstream();
        UpstreamPool.Member member = pool.pick(failed);
        Runnable lease = pool.balanced() ? member.lease() : UpstreamPool.NO_LEASE; // one instance: nothing to count
        if (pool.balanced()) {
            ctx.whenOver(lease);
        }
        HttpServerRequest request = ctx.request;
        request.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(member.instance.host())
                .setPort(member.instance.port())
                .setURI(Upstreams.upstreamUri(request.uri()))
                .setConnectTimeout(connectTimeoutMs)
                .setIdleTimeout(idleTimeoutMs);
        clients.get().request(options).onComplete(created -> {
            if (created.failed()) {
                lease.run();
                pool.unreachable(member);
                if (failed == null && pool.balanced() && IDEMPOTENT.contains(request.method())
                        && !ctx.response().closed() && !ctx.response().ended()) {
                    LOG.debugf("%s instance %s unreachable, %s %s tried on another", upstream.name(), member,
                            request.method(), request.path());
                    forward(ctx, pool, member);
                    return;
                }
                fail(ctx, upstream, created.cause(), false);
                return;
            }
            HttpClientRequest outgoing = created.result();
            // failures before the answer come through send()'s future; later ones are resets the relay made
            outgoing.exceptionHandler(late -> LOG.debugf("Request to %s ended early: %s", upstream.name(), late.getMessage()));
            if (ctx.response().closed()) {
                // the client left while the connection to the service was made
                outgoing.reset();
                return;
            }
            copyHeaders(request.headers(), outgoing.headers());
            ctx.partnerAuthorization(outgoing.headers());
            // remoteAddress() and scheme() are the client's as Quarkus resolved them: from a trusted proxy's
            // headers, else from the connection itself
            String remote = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
            outgoing.putHeader("X-Forwarded-For", remote);
            outgoing.putHeader("X-Forwarded-Proto", request.scheme());
            if (request.authority() != null) {
                outgoing.putHeader("X-Forwarded-Host", request.authority().toString());
            }
            outgoing.putHeader(RequestIds.HEADER, ctx.requestId);
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean hasBody = length != null ? !"0".equals(length.trim()) : request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
            var sent = hasBody ? outgoing.send(request) : outgoing.send();
            if (!hasBody) {
                request.resume();
            }
            sent.onComplete(answered -> {
                if (answered.failed()) {
                    fail(ctx, upstream, answered.cause(), true);
                } else {
                    relay(ctx, answered.result());
                }
            });
        });
    }

    private void relay(Exchange ctx, HttpClientResponse upstreamResponse) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            // the client is gone: stop reading from the service (Vert.x releases what it holds); the reset
            // is ours, not an error to log
            upstreamResponse.exceptionHandler(expected -> { });
            upstreamResponse.request().reset();
            return;
        }
        int status = upstreamResponse.statusCode();
        response.setStatusCode(status);
        response.setStatusMessage(upstreamResponse.statusMessage());
        MultiMap target = response.headers();
        Set<String> connectionNamed = namedByConnection(upstreamResponse.headers());
        String upstreamEncoding = upstreamResponse.getHeader(HttpHeaders.CONTENT_ENCODING);
        for (Map.Entry<String, String> header : upstreamResponse.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            // CORS is the gateway's business: its filter already set these for this origin.
            if (!hopByHop(name, connectionNamed) && !name.startsWith("access-control-") && !name.equals("x-request-id")) {
                target.add(header.getKey(), header.getValue());
            }
        }
        // RFC 9110 7.6.3: a proxy says so; it also lets tests tell a routed answer from the gateway's own.
        target.add("Via", upstreamResponse.version() == HttpVersion.HTTP_2 ? "2 pupitre-gateway" : "1.1 pupitre-gateway");
        // RFC 9112 6.3: 1xx, 204 and 304 answers and answers to HEAD have no body, whatever the framing headers
        // say; a 304 or a HEAD answer keeps the service's Content-Length (the length the body would have had)
        if (status < 200 || status == 204 || status == 304 || ctx.request.method() == HttpMethod.HEAD) {
            if (status < 200 || status == 204) {
                target.remove(HttpHeaders.CONTENT_LENGTH);
            }

            upstreamResponse.end().onComplete(done -> endQuietly(response));
            upstreamResponse.resume();
            return;
        }
        if (compress(ctx.request, upstreamResponse, target)) {
            target.remove(HttpHeaders.CONTENT_LENGTH); // the compressed length is not known before the end
        } else if (upstreamEncoding == null && acceptsCompression(ctx.request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            // the client would have it compressed: Vert.x's "leave as is" mark (which it drops before sending)
            target.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
        if (target.get(HttpHeaders.CONTENT_LENGTH) == null) {
            response.setChunked(true);
        }
        stream(ctx, upstreamResponse, response);
    }

    /** Answers smaller than this are sent as they are: compressing them saves less than it costs. */
    static final int COMPRESS_FROM_BYTES = 1024;

    /** Media types worth compressing (text); images, PDFs and archives are compressed already. */
    private static final Set<String> COMPRESSIBLE = Set.of("application/json", "application/problem+json", "application/ld+json",
            "application/xml", "application/atom+xml", "application/rss+xml", "application/javascript", "image/svg+xml",
            "text/html", "text/plain", "text/css", "text/javascript", "text/xml", "text/csv");

    /**
     * Whether this answer goes out gzip-compressed (Netty's compressor, chunk by chunk as it streams, never the
     * whole body in memory): the client accepts gzip or deflate, the service did not encode it itself, it is text
     * of a compressible type, and it is at least {@value #COMPRESS_FROM_BYTES} bytes or of unknown length. When
     * not, the "identity" mark stays and the service's Content-Length with it.
     */
    static boolean compress(HttpServerRequest request, HttpClientResponse upstream, MultiMap target) {
        if (upstream.getHeader(HttpHeaders.CONTENT_ENCODING) != null || !acceptsCompression(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            return false;
        }
        String type = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !COMPRESSIBLE.contains(type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String length = upstream.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) < COMPRESS_FROM_BYTES) {
                    return false;
                }
            } catch (NumberFormatException unknown) {
                return false;
            }
        }
        target.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING); // Netty's compressor takes over
        return true;
    }

    /** The codings Vert.x's compressor offers. */
    private static final Set<String> COMPRESSIONS = Set.of("gzip", "x-gzip", "deflate");

    /** gzip or deflate in Accept-Encoding, with a weight above 0. */
    static boolean acceptsCompression(String acceptEncoding) {
        return AcceptEncoding.accepts(acceptEncoding, COMPRESSIONS);
    }

    /**
     * The service's body to the client, chunk by chunk, with backpressure (a slow client pauses the service's
     * connection). Not Vert.x's {@code pipeTo}: once the client has left, a chunk still in flight made the pipe
     * ask a closed response whether its queue was full, which throws ("Response has already been written").
     * Here a client that left stops the relay: the rest is dropped (the chunks are heap copies, nothing to
     * release) and the service's request is reset. A service that breaks off mid-body resets the client's
     * answer, so that she sees it incomplete rather than complete.
     */
    private static void stream(Exchange ctx, HttpClientResponse upstreamResponse, HttpServerResponse response) {
        response.closeHandler(closed -> {
            ctx.over();
            // only an answer still in flight; a keep-alive connection closing later concerns a finished one
            if (!response.ended()) {
                upstreamResponse.request().reset();
            }
        });
        upstreamResponse.handler(chunk -> {
            if (response.closed() || response.ended()) {
                return;
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                upstreamResponse.pause();
                response.drainHandler(drained -> upstreamResponse.resume());
            }
        });
        upstreamResponse.exceptionHandler(broken -> {
            LOG.debugf("Relay of %s interrupted: %s", ctx.request.path(), broken.getMessage());
            if (!response.closed() && !response.ended()) {
                response.reset();
            }
        });
        upstreamResponse.endHandler(done -> endQuietly(response));
        upstreamResponse.resume();
    }

    private static void endQuietly(HttpServerResponse response) {
        if (!response.ended() && !response.closed()) {
            response.end();
        }
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        Set<String> connectionNamed = namedByConnection(from);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!hopByHop(name, connectionNamed) && !FORWARDING.contains(name) && !TRACE_CONTEXT.contains(name)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    /** Hop-by-hop headers (RFC 9110 7.6.1), including those the message's Connection header names. */
    private static boolean hopByHop(String lowerName, Set<String> connectionNamed) {
        return HOP_BY_HOP.contains(lowerName) || connectionNamed.contains(lowerName);
    }

    /** The header names a message's Connection header lists, lower-cased (parsed once per message). */
    private static Set<String> namedByConnection(MultiMap headers) {
        String connection = headers.get(HttpHeaders.CONNECTION);
        if (connection == null) {
            return Set.of();
        }
        Set<String> named = new HashSet<>();
        for (String token : connection.split(",")) {
            named.add(token.trim().toLowerCase(Locale.ROOT));
        }
        return named;
    }

    /**
     * Answers a failed relay. Told apart by where it failed, not by reading exception messages: before a connection
     * to the service was had ({@code connected} false: refused, unreachable, connect or pool timeout) the service is
     * unavailable (503, retry); once the request was sent, Vert.x's idle timeout ({@link TimeoutException}) means
     * the service stayed silent (504), and anything else (closed, reset) that it went away (503).
     */
    private void fail(Exchange ctx, Upstreams.Upstream upstream, Throwable cause, boolean connected) {
        if (ctx.response().closed() || ctx.response().ended()) {
            // the client left (mid-request or before the answer): nobody to tell, nothing to log as an error
            LOG.debugf("Client left %s %s before the answer: %s", ctx.request.method(), ctx.request.path(), cause.toString());
            return;
        }
        ctx.request.resume();
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        boolean silent = connected && cause instanceof TimeoutException;
        LOG.warnf("Upstream %s failed for %s %s (request %s): %s", upstream.name(), ctx.request.method(), ctx.request.path(),
                ctx.requestId, cause.toString());
        boolean toPerson = Upstreams.WEB.equals(upstream.name()); // the web app's pages: a person reads this answer
        if (silent) {
            ctx.problem(504, "GATEWAY_TIMEOUT", Map.of(), toPerson, upstream.name());
        } else {
            ctx.problem(503, "SERVICE_UNAVAILABLE", Map.of("Retry-After", "5"), toPerson, upstream.name());
        }
    }
}

package ca.pupitre.gateway.routing;

import ca.pupitre.gateway.partner.PartnerKeyExchange;
import ca.pupitre.platform.http.RequestIds;
import ca.pupitre.platform.http.RouterProblems;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * One request the proxy relays, whichever way it came: through the router, after the gateway's filters (CORS,
 * partner keys, the request id), or straight from the HTTP server through {@link RelayLane}. It carries what
 * the relay needs of either: the request, its id, a task to run once when the exchange is over (answered or
 * abandoned), and how to answer with a problem.
 */
final class Exchange {

    final HttpServerRequest request;
    final String requestId;
    /** Null on the relay lane. */
    private final RoutingContext routed;
    private Runnable whenOver = UpstreamPool.NO_LEASE;
    private boolean over;

    private Exchange(HttpServerRequest request, String requestId, RoutingContext routed) {
        this.request = request;
        this.requestId = requestId;
        this.routed = routed;
    }

    static Exchange routed(RoutingContext ctx) {
        return new Exchange(ctx.request(), RequestIds.of(ctx), ctx);
    }

    /** A request taken by the relay lane: it answers with the request id the lane gave it. */
    static Exchange onLane(HttpServerRequest request, String requestId) {
        return new Exchange(request, requestId, null);
    }

    HttpServerResponse response() {
        return request.response();
    }

    /** {@code task} runs once, when the answer ends or the client leaves. */
    void whenOver(Runnable task) {
        whenOver = task;
        if (routed != null) {
            routed.addEndHandler(ended -> over());
        } else {
            request.response().endHandler(ended -> over());
            request.response().closeHandler(closed -> over());
        }
    }

    /** The exchange is over: its task runs (once, whoever says it first). */
    void over() {
        if (!over) {
            over = true;
            whenOver.run();
        }
    }

    /** A partner's request goes out with the PARTNER token its key was exchanged for; the lane has none. */
    void partnerAuthorization(MultiMap outgoing) {
        if (routed != null) {
            PartnerKeyExchange.applyTo(routed, outgoing);
        }
    }

    void problem(int status, String code, Map<String, String> headers, boolean toPerson, Object... args) {
        if (toPerson) {
            RouterProblems.sendPage(request, requestId, status, code, headers, args);
        } else {
            RouterProblems.send(request, requestId, status, code, headers, args);
        }
    }
}

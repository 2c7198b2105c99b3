package ca.pupitre.platform.http;

import ca.pupitre.platform.problem.Languages;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.Problems;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Problem+json for what is answered below JAX-RS: unknown paths, authentication failures seen by
 * the HTTP layer (a tampered or expired token), bodies over the size limit, and any other failure
 * a Vert.x route reports.
 */
@Singleton
public class RouterProblems {

    private static final Logger LOG = Logger.getLogger(RouterProblems.class);

    @ConfigProperty(name = "pupitre.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    void registerBodyLimit(@Observes Filters filters) {
        filters.register(this::rejectOversizedBody, 9_000);
    }

    void registerHandlers(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(RouterProblems::failure);
        for (int status : List.of(400, 401, 403, 404, 405, 406, 413, 414, 415, 500, 502, 503, 504)) {
            router.errorHandler(status, ctx -> {
                if (!ctx.response().ended()) {
                    send(ctx, status, Problems.codeForStatus(status), Map.of());
                }
            });
        }
    }

    private void rejectOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    send(ctx, 413, "PAYLOAD_TOO_LARGE", Map.of(), maxBodyBytes);
                    return;
                }
            } catch (NumberFormatException malformed) {
                send(ctx, 400, "BAD_REQUEST", Map.of());
                return;
            }
        }
        ctx.next();
    }

    static void failure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            send(ctx, 401, "UNAUTHORIZED", Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        } else if (failure instanceof ForbiddenException) {
            send(ctx, 403, "FORBIDDEN", Map.of());
        } else {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (status >= 500) {
                LOG.errorf(failure, "Failure on %s %s", ctx.request().method(), ctx.request().path());
            }
            send(ctx, status, Problems.codeForStatus(status), Map.of());
        }
    }

    /** Writes a problem+json answer straight on the Vert.x response. */
    public static void send(RoutingContext ctx, int status, String code, Map<String, String> headers, Object... args) {
        send(ctx.request(), RequestIds.of(ctx), status, code, headers, args);
    }

    /** The same, for a request answered outside the router (the gateway's relay lane), with its request id. */
    public static void send(HttpServerRequest request, String requestId, int status, String code, Map<String, String> headers,
            Object... args) {
        Problem problem = Problems.of(status, code, Languages.fromAcceptLanguage(request.getHeader("Accept-Language")),
                request.path(), requestId, List.of(), args);
        HttpServerResponse response = request.response();
        headers.forEach(response::putHeader);
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Problems.json(problem));
    }

    /**
     * The same problem for a person's browser: a plain bilingual-by-{@code Accept-Language} HTML page (title,
     * detail, request id; no script, nothing from the request echoed but the escaped id) when the request
     * accepts {@code text/html}; problem+json otherwise. For the web app's routes, where a person, not a
     * program, reads the answer.
     */
    public static void sendPage(RoutingContext ctx, int status, String code, Map<String, String> headers, Object... args) {
        sendPage(ctx.request(), RequestIds.of(ctx), status, code, headers, args);
    }

    /** The same, for a request answered outside the router, with its request id. */
    public static void sendPage(HttpServerRequest request, String requestId, int status, String code, Map<String, String> headers,
            Object... args) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains("text/html")) {
            send(request, requestId, status, code, headers, args);
            return;
        }
        Locale locale = Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        Problem problem = Problems.of(status, code, locale, request.path(), requestId, List.of(), args);
        boolean english = "en".equals(locale.getLanguage());
        String page = "<!doctype html><html lang=\"" + (english ? "en-CA" : "fr-CA") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(problem.title())
                + " — Pupitre</title><style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}</style>"
                + "</head><body><main><h1>" + escape(problem.title()) + "</h1><p>" + escape(problem.detail()) + "</p><p>"
                + (english ? "Request id: " : "Numéro de la demande : ") + "<code>" + escape(problem.requestId()) + "</code></p>"
                + "</main></body></html>";
        HttpServerResponse response = request.response();
        headers.forEach(response::putHeader);
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(page);
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

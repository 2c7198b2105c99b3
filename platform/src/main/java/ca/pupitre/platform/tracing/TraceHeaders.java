package ca.pupitre.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpRequest;

/**
 * The trace context ({@code traceparent}, {@code tracestate}, {@code baggage}) for calls made with the JDK's
 * {@link java.net.http.HttpClient}, which OpenTelemetry does not instrument (REST clients and Vert.x clients are).
 * The call then shows as part of the trace of the request that made it.
 */
@ApplicationScoped
public class TraceHeaders {

    private static final TextMapSetter<HttpRequest.Builder> HEADERS = (request, name, value) -> request.setHeader(name, value);

    private final OpenTelemetry openTelemetry;

    public TraceHeaders(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
    }

    /** {@code request} with the current trace context's headers (none when no span is current). */
    public HttpRequest.Builder on(HttpRequest.Builder request) {
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), request, HEADERS);
        return request;
    }
}

package ca.pupitre.system;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An OpenTelemetry collector's OTLP/HTTP trace endpoint ({@code POST /v1/traces}, protobuf), as small as a test needs:
 * it keeps every span the stack exports, with the name of the service that made it.
 */
final class OtlpCollector implements AutoCloseable {

    /** One exported span: ids in lower-case hex, as in a {@code traceparent}. */
    record ExportedSpan(String service, String name, String kind, String traceId, String spanId, String parentSpanId,
            Map<String, String> attributes) {

        boolean isChildOf(ExportedSpan parent) {
            return parentSpanId.equals(parent.spanId);
        }
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    /** Trace and span id of every span kept. */
    private final Set<String> seen = new HashSet<>();

    OtlpCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                keep(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException | RuntimeException | LinkageError unreadable) {
                refused.add(unreadable.toString());
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The address to give the stack as {@code PUPITRE_OTLP_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every span exported so far in the trace {@code traceId}. */
    List<ExportedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId.equals(traceId)).toList();
    }

    /** What was received, for an assertion's message. */
    @Override
    public String toString() {
        return spans.size() + " spans from " + spans.stream().map(ExportedSpan::service).distinct().sorted().toList()
                + " in " + spans.stream().map(ExportedSpan::traceId).distinct().count() + " traces; exports refused: " + refused;
    }

    private synchronized void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = text(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    String traceId = hex.formatHex(span.getTraceId().toByteArray());
                    String spanId = hex.formatHex(span.getSpanId().toByteArray());
                    if (!seen.add(traceId + spanId)) {
                        continue; // OTLP is at-least-once: an exporter that timed out sends its batch again
                    }
                    spans.add(new ExportedSpan(service, span.getName(), span.getKind().name().replace("SPAN_KIND_", ""),
                            traceId, spanId, hex.formatHex(span.getParentSpanId().toByteArray()), text(span.getAttributesList())));
                }
            }
        }
    }

    private static Map<String, String> text(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, attribute -> text(attribute.getValue()), (a, b) -> a));
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

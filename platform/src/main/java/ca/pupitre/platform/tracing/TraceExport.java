package ca.pupitre.platform.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Where finished spans go. Spans are always made (the W3C {@code traceparent} is read and sent on every hop, and the
 * trace id is in every log line), but they leave the process only when {@code PUPITRE_OTLP_ENDPOINT} names an OTLP
 * collector.
 * <p>
 * Quarkus's OTLP exporter can only be switched off when the application is built
 * (quarkusio/quarkus#44200: an empty endpoint falls back to localhost:4317). It stands aside, though, when the
 * application has a {@link SpanExporter} bean of its own. This one exports nothing, and it is offered only while
 * {@code PUPITRE_OTLP_ENDPOINT} is unset or empty, so setting the one variable at run time brings Quarkus's exporter
 * back, with its endpoint ({@code quarkus.otel.exporter.otlp.traces.endpoint}) set from the same variable.
 */
@Singleton
public class TraceExport {

    @Produces
    @Singleton
    @LookupIfProperty(name = "PUPITRE_OTLP_ENDPOINT", stringValue = "", lookupIfMissing = true)
    SpanExporter nowhere() {
        return SpanExporter.composite();
    }
}

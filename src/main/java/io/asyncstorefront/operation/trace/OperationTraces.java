package io.asyncstorefront.operation.trace;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * An operation's way through the pipeline as traces: the request that accepted it (its traceparent, kept in the ledger
 * and in the broker message), the accept group that committed it, and the processor batch that applied it. A group and
 * a batch serve many requests, so they are spans of their own that link each operation's trace rather than children of
 * one of them.
 */
@ApplicationScoped
public class OperationTraces {

    public static final String TRACE_PARENT = "traceparent";
    static final AttributeKey<Long> OPERATIONS = AttributeKey.longKey("storefront.operations");

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public OperationTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.asyncstorefront.operation");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The W3C traceparent of the span current on this thread's context, or null when no span is recorded. */
    public String currentTraceParent() {
        return traceParentOf(Context.current());
    }

    /**
     * Starts a span of the pipeline for the given number of operations that links the given traces (W3C traceparents;
     * nulls and bad ones skipped).
     */
    public Span startLinked(String name, SpanKind kind, int operations, Collection<String> traceParents) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind).setNoParent()
                .setAttribute(OPERATIONS, (long) operations);
        traceParents.stream().filter(Objects::nonNull).distinct().map(this::spanContextOf)
                .filter(SpanContext::isValid).forEach(builder::addLink);
        return builder.startSpan();
    }

    /** The traceparent of the given span, for a message or a ledger row to carry. */
    public String traceParentOf(Span span) {
        return traceParentOf(Context.root().with(span));
    }

    private String traceParentOf(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACE_PARENT);
    }

    private SpanContext spanContextOf(String traceParent) {
        return Span.fromContext(propagator.extract(Context.root(), Map.of(TRACE_PARENT, traceParent), FROM_MAP))
                .getSpanContext();
    }
}

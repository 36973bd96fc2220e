package io.asyncstorefront.operation;

import static io.asyncstorefront.support.Documents.CREATE_CART;
import static io.asyncstorefront.support.GraphQLClient.awaitFinal;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Database;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * An operation's trace across the pipeline, with tracing on and the spans collected in memory instead of exported (an
 * instance without an OTLP endpoint records none): the mutation's request continues the
 * caller's trace, the ledger keeps it with the operation, the accept group links it and travels with the command
 * message (its application property "traceparent"), and the processor batch links both.
 */
@QuarkusTest
@TestProfile(TracePropagationTest.SpansInMemory.class)
class TracePropagationTest {

    public static class SpansInMemory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.test.spans", "memory", "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.enabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Inject
    InMemorySpanExporter spans;
    @Inject
    Database database;

    @Test
    void theCallersTraceReachesTheLedgerTheAcceptGroupTheMessageAndTheBatch() {
        Map<String, Object> accepted = given().contentType(ContentType.JSON).header("traceparent", CALLER)
                .body(Map.of("query", CREATE_CART, "variables", Map.of("cartMask", newCartMask())))
                .when().post("/graphql")
                .then().statusCode(200).extract().jsonPath().getMap("data.createEmptyCart");
        String operation = (String) accepted.get("identifier");
        assertThat(awaitFinal(accepted).get("__typename")).isEqualTo("PersistOperationCompleted");

        String stored = database.single("select trace_parent from operation where id = $1", operation).getString(0);
        assertThat(stored).startsWith("00-" + TRACE_ID + "-").isNotEqualTo(CALLER);

        SpanData group = await().atMost(Duration.ofSeconds(60)).until(() -> span("accept group", TRACE_ID),
                Optional::isPresent).get();
        SpanData batch = await().atMost(Duration.ofSeconds(60)).until(() -> span("process batch", TRACE_ID),
                Optional::isPresent).get();
        assertThat(linked(group)).extracting(SpanContext::getTraceId).contains(TRACE_ID);
        assertThat(linked(batch)).extracting(SpanContext::getTraceId).contains(TRACE_ID);
        assertThat(linked(batch)).as("the accept group's context, carried by the message")
                .anySatisfy(context -> assertThat(context.getSpanId()).isEqualTo(group.getSpanId()));
        assertThat(spans.getFinishedSpanItems()).as("the request's own span")
                .anySatisfy(span -> assertThat(span.getTraceId() + "-" + span.getSpanId())
                        .isEqualTo(stored.substring(3, 52)));
    }

    /** The span of that name that links the trace. */
    private Optional<SpanData> span(String name, String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name))
                .filter(span -> linked(span).stream().anyMatch(context -> context.getTraceId().equals(traceId)))
                .findFirst();
    }

    private static List<SpanContext> linked(SpanData span) {
        return span.getLinks().stream().map(LinkData::getSpanContext).toList();
    }
}

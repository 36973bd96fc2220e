package io.asyncstorefront.operation;

import static io.asyncstorefront.support.GraphQLClient.createCart;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static io.asyncstorefront.support.GraphQLClient.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.cart.command.CreateEmptyCart;
import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.ledger.FailedAttempts;
import io.asyncstorefront.operation.ledger.InlineAcceptance;
import io.asyncstorefront.operation.ledger.PlacedOperation;
import io.asyncstorefront.operation.processing.OperationProcessor;
import io.asyncstorefront.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** One operation through every state it can be in, as the queue query reports them. */
@QuarkusTest
class OperationLifecycleTest {

    @Inject
    InlineAcceptance acceptance;

    @Inject
    FailedAttempts failedAttempts;
    @Inject
    OperationProcessor processor;
    @Inject
    CommandRegistry registry;
    @Inject
    ObjectMapper mapper;

    @Test
    void anOperationMovesFromAcceptedThroughInProgressToCompletedAndStaysThere() throws Throwable {
        String cartMask = newCartMask();
        CreateEmptyCart command = new CreateEmptyCart(cartMask);
        PlacedOperation operation = VertxContextSupport.subscribeAndAwait(() -> acceptance.accept(
                registry.handlerOf(command).type(), command.aggregateKeys(), command.readKeys(), mapper.valueToTree(command),
                null));
        String id = operation.operationId();

        assertThat(queue(List.of(id)).get(0)).isEqualTo(Map.of("identifier", id, "__typename", "OperationAccepted"));

        VertxContextSupport.subscribeAndAwait(() -> failedAttempts.record(id, "a broker timeout"));
        assertThat(queue(List.of(id)).get(0)).isEqualTo(Map.of("identifier", id, "__typename", "OperationInProgress"));

        VertxContextSupport.subscribeAndAwait(() -> processor.process(List.of(id)));
        Map<String, Object> completed = queue(List.of(id)).get(0);
        assertThat(completed).containsEntry("__typename", "PersistOperationCompleted");

        VertxContextSupport.subscribeAndAwait(() -> processor.process(List.of(id)));
        VertxContextSupport.subscribeAndAwait(() -> failedAttempts.record(id, "a broker timeout"));
        assertThat(queue(List.of(id)).get(0)).isEqualTo(completed);
    }

    @Test
    void theMetricsCountOperationsByMutationTheirBatchesAndTheProcessingLag() {
        createCart(newCartMask());

        // The processor counts an operation just after its batch commits, so just after queue shows it final.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(Metrics.text())
                .containsPattern("operations_accepted_total\\{mutation=\"createEmptyCart\"[^}]*} [1-9]")
                .containsPattern("operations_completed_total\\{mutation=\"createEmptyCart\"[^}]*} [1-9]")
                .containsPattern("operations_accept_latency_seconds_count\\{mutation=\"createEmptyCart\"[^}]*} [1-9]")
                .containsPattern(
                        "operations_processing_latency_seconds_count\\{mutation=\"createEmptyCart\"[^}]*} [1-9]")
                .containsPattern("operations_batch_size_count[^ ]* [1-9]")
                .containsPattern("operations_processing_lag_seconds[^ ]* [0-9]")
                .containsPattern("operations_followed[^ ]* [0-9]"));
    }
}

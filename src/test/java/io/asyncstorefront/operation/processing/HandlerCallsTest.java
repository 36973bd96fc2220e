package io.asyncstorefront.operation.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.SystemErrorReport;
import io.asyncstorefront.operation.ledger.FinalState;
import io.asyncstorefront.operation.ledger.OperationStatus;
import io.asyncstorefront.operation.ledger.PendingOperation;
import io.asyncstorefront.operation.state.OperationCompleted;
import io.asyncstorefront.operation.state.OperationFailed;
import io.smallrye.mutiny.Uni;

/** Handler calls alone: which operations reach the handler, in one call, and which fail before it. */
class HandlerCallsTest {

    record Note(String text) implements Command {
        @Override
        public Set<String> aggregateKeys() {
            return Set.of("Note:" + text);
        }
    }

    /** Completes every command, and remembers each call. */
    static final class Notes implements CommandHandler<Note> {

        final List<List<Note>> calls = new ArrayList<>();

        @Override
        public Class<Note> commandClass() {
            return Note.class;
        }

        @Override
        public String type() {
            return "note";
        }

        @Override
        public Uni<Outcome> apply(Note command) {
            return Uni.createFrom().item(Outcome.completed());
        }

        @Override
        public Uni<List<Outcome>> applyAll(List<Note> commands) {
            calls.add(commands);
            return Uni.createFrom().item(commands.stream().map(command -> Outcome.completed()).toList());
        }
    }

    private final Notes notes = new Notes();
    private final HandlerCalls calls = new HandlerCalls(
            type -> type.equals("note") ? Optional.of(notes) : Optional.empty(), new ObjectMapper(), 3);

    @Test
    void theReadableOperationsReachTheHandlerInOneCallAndTheOthersFailFirst() {
        List<FinalState> states = calls.apply(List.of(operation("1", "note", "{\"text\":\"a\"}", 0),
                operation("2", "note", "not json", 0), operation("3", "note", "{\"text\":\"b\"}", 3),
                operation("4", "note", "{\"text\":\"c\"}", 2))).await().indefinitely();

        assertThat(notes.calls).containsExactly(List.of(new Note("a"), new Note("c")));
        assertThat(states).extracting(FinalState::operationId).containsExactly("2", "3", "1", "4");
        assertThat(report(states.get(0))).satisfies(report -> {
            assertThat(report.getMessage()).isEqualTo("The command payload cannot be read");
            assertThat(report.isRetriable()).isFalse();
        });
        assertThat(report(states.get(1))).satisfies(report -> {
            assertThat(report.getMessage()).isEqualTo("The operation could not be applied after 3 attempts.");
            assertThat(report.isRetriable()).isTrue();
        });
        assertThat(states.get(2).state()).isInstanceOf(OperationCompleted.class);
        assertThat(states.get(3).state()).isInstanceOf(OperationCompleted.class);
    }

    @Test
    void anUnknownCommandTypeFailsForGood() {
        List<FinalState> states = calls.apply(List.of(operation("1", "gone", "{}", 0))).await().indefinitely();

        assertThat(report(states.get(0)).getMessage()).isEqualTo("Unknown command type gone");
        assertThat(report(states.get(0)).isRetriable()).isFalse();
        assertThat(notes.calls).isEmpty();
    }

    private static SystemErrorReport report(FinalState state) {
        return (SystemErrorReport) ((OperationFailed) state.state()).getFailures().get(0);
    }

    private static PendingOperation operation(String id, String type, String payload, int failedAttempts) {
        return new PendingOperation(id, type, payload, OperationStatus.ACCEPTED, failedAttempts, Long.parseLong(id),
                Map.of(), Map.of(), Duration.ZERO, null);
    }
}

package io.asyncstorefront.operation.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.operation.ledger.OperationStatus;
import io.asyncstorefront.operation.ledger.PendingOperation;

/** Round planning alone: which operations a batch applies together, and where its progress stops. */
class RoundsTest {

    @Test
    void changesOfOneAggregateTakeOneRoundEachAndOtherAggregatesShareThem() {
        PendingOperation first = changes(1, "Cart:a", 1);
        PendingOperation second = changes(2, "Cart:a", 2);
        PendingOperation elsewhere = changes(3, "Cart:b", 1);

        Rounds plan = Rounds.plan(List.of(second, elsewhere, first), Set.of());

        assertEquals(List.of(List.of("1", "3"), List.of("2")), ids(plan.rounds()));
        assertEquals(List.of("1", "2", "3"), plan.planned().stream().map(PendingOperation::id).toList());
    }

    @Test
    void readersComeAfterTheChangeTheyReadAndBeforeTheNextTogether() {
        PendingOperation change = changes(1, "Customer:c", 1);
        PendingOperation reader = reads(2, "Customer:c", 1, "Cart:a", 1);
        PendingOperation otherReader = reads(3, "Customer:c", 1, "Cart:b", 1);
        PendingOperation nextChange = changes(4, "Customer:c", 2);

        Rounds plan = Rounds.plan(List.of(change, reader, otherReader, nextChange), Set.of());

        assertEquals(List.of(List.of("1"), List.of("2", "3"), List.of("4")), ids(plan.rounds()));
    }

    @Test
    void finalOperationsAreNotAppliedAgain() {
        PendingOperation done = new PendingOperation("1", "t", "{}", OperationStatus.COMPLETED, 0, 1,
                Map.of("Cart:a", 1L), Map.of(), Duration.ZERO, null);

        Rounds plan = Rounds.plan(List.of(done, changes(2, "Cart:a", 2)), Set.of());

        assertEquals(List.of(List.of("2")), ids(plan.rounds()));
    }

    @Test
    void aHeldOperationHoldsWhatDependsOnItAndProgressStopsBeforeIt() {
        PendingOperation before = changes(1, "Cart:a", 1);
        PendingOperation held = changes(2, "Cart:a", 2);
        PendingOperation after = changes(3, "Cart:a", 3);
        PendingOperation readerOfHeld = reads(4, "Cart:a", 3, "Cart:r", 1);
        PendingOperation unrelated = changes(5, "Cart:b", 1);

        Rounds plan = Rounds.plan(List.of(before, held, after, readerOfHeld, unrelated), Set.of("2"));

        assertEquals(List.of(List.of("1", "5")), ids(plan.rounds()));
        assertEquals(Map.of("Cart:a", 1L, "Cart:b", 1L, "Cart:r", 0L),
                plan.progress(Map.of("Cart:a", 3L, "Cart:b", 1L, "Cart:r", 1L)));
    }

    private static PendingOperation changes(long accepted, String aggregate, long sequence) {
        return new PendingOperation(String.valueOf(accepted), "t", "{}", OperationStatus.ACCEPTED, 0, accepted,
                Map.of(aggregate, sequence), Map.of(), Duration.ZERO, null);
    }

    private static PendingOperation reads(long accepted, String read, long after, String aggregate, long sequence) {
        return new PendingOperation(String.valueOf(accepted), "t", "{}", OperationStatus.ACCEPTED, 0, accepted,
                Map.of(aggregate, sequence), Map.of(read, after), Duration.ZERO, null);
    }

    private static List<List<String>> ids(List<List<PendingOperation>> rounds) {
        return rounds.stream().map(round -> round.stream().map(PendingOperation::id).toList()).toList();
    }
}

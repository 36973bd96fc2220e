package io.asyncstorefront.operation.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LedgerPartitionsTest {

    @Test
    void aPartitionHoldsExactlyTheIdentifiersIssuedInItsSpan() {
        Instant from = Instant.parse("2026-12-06T00:00:00Z");
        Instant to = Instant.parse("2026-12-07T00:00:00Z");
        String lower = LedgerPartitions.boundOf(from);
        String upper = LedgerPartitions.boundOf(to);

        String first = "%012x".formatted(from.toEpochMilli()) + "0".repeat(28);
        String last = "%012x".formatted(to.toEpochMilli() - 1) + "f".repeat(28);
        String next = "%012x".formatted(to.toEpochMilli()) + "0".repeat(28);
        assertThat(first).isGreaterThanOrEqualTo(lower).isLessThan(upper);
        assertThat(last).isGreaterThanOrEqualTo(lower).isLessThan(upper);
        assertThat(next).isGreaterThanOrEqualTo(upper);
        assertThat(OperationIdentifiers.isWellFormed(lower)).isTrue();
    }

    @Test
    void theRangeIsReadBackFromTheCatalog() {
        Instant from = Instant.parse("2026-12-06T00:00:00Z");
        Instant to = Instant.parse("2026-12-07T00:00:00Z");
        String bound = "FOR VALUES FROM ('%s') TO ('%s')".formatted(LedgerPartitions.boundOf(from),
                LedgerPartitions.boundOf(to));

        assertThat(LedgerPartitions.parse("operation_p20261206t000000", bound))
                .contains(new LedgerPartitions.Partition("p20261206t000000", from, to));
        assertThat(LedgerPartitions.parse("operation_default", "DEFAULT")).isEmpty();
    }
}

package io.asyncstorefront.operation.ledger;

import io.asyncstorefront.operation.command.CommandEnvelope;

/** What accepting an operation did: recorded it, or found its idempotency key taken. */
public sealed interface Acceptance {

    /** The operation is recorded. */
    record Recorded(CommandEnvelope envelope) implements Acceptance {
    }

    /** The key names an operation recorded before for the same request: nothing is recorded. */
    record Replayed(String operationId) implements Acceptance {
    }

    /** The key was used for another request: nothing is recorded. */
    record KeyReused(String key) implements Acceptance {
    }
}

package io.asyncstorefront.operation.ledger;

import java.time.Duration;

/** Durations as the ledger's statements take them: seconds, for make_interval(secs => …). */
final class Seconds {

    private Seconds() {
    }

    static double of(Duration duration) {
        return (double) duration.toMillis() / 1000;
    }
}

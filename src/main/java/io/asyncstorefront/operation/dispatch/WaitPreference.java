package io.asyncstorefront.operation.dispatch;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the request of the top-level mutation being resolved asks to wait for its operations to end. The API layer
 * supplies it, so that the machinery does not read requests.
 */
public interface WaitPreference {

    /** The wait the request asks for, at most {@code longest}, if it asks for one; asked while the mutation's resolver runs. */
    Optional<Wait> waitOfCurrentMutation(Duration longest);

    /**
     * What is left of the request's wait, and how to tell its answer that the wait applied: once a mutation does wait,
     * which it may not (this instance follows as many operations as it may).
     */
    record Wait(Duration within, Runnable applied) {
    }
}

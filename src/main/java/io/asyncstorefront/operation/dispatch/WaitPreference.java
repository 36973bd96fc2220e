package io.asyncstorefront.operation.dispatch;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the request of the top-level mutation being resolved asks to wait for its operations to end. The API layer
 * supplies it, so that the machinery does not read requests.
 */
public interface WaitPreference {

    /**
     * The wait the request asks for, at most {@code longest}, if it asks for one; asked while the mutation's resolver
     * runs, and the request's answer then says that the wait applied.
     */
    Optional<Duration> waitOfCurrentMutation(Duration longest);
}

package io.asyncstorefront.operation.dispatch;

import java.util.Optional;

/**
 * The idempotency key of the top-level mutation being resolved, as the request states it. The API layer supplies it,
 * so that the machinery does not read requests.
 */
public interface IdempotencyKeySource {

    /** The key, if the mutation being resolved carries one; asked while its resolver runs. */
    Optional<String> keyOfCurrentMutation();
}

package io.asyncstorefront.operation.dispatch;

import java.util.Optional;

import io.asyncstorefront.operation.api.InvalidInputException;

/**
 * The idempotency key of the top-level mutation being resolved, as the request states it. The API layer supplies it,
 * so that the machinery does not read requests.
 */
public interface IdempotencyKeySource {

    /**
     * The key, if the mutation being resolved carries one; asked while its resolver runs. Fails when the key is one
     * that cannot be stored.
     */
    Optional<String> keyOfCurrentMutation() throws InvalidInputException;
}

package io.asyncstorefront.operation.dispatch;

import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.error.ErrorCode;

/** An idempotency key sent again with another mutation or input: nothing is recorded. */
public class IdempotencyKeyReusedException extends ClientException {

    public IdempotencyKeyReusedException(String key) {
        super(ErrorCode.IDEMPOTENCY_KEY_REUSED, "The idempotency key \"" + key + "\" was used with another mutation or "
                + "input; send a new key for a new request", null, null);
    }
}

package io.asyncstorefront.operation.dispatch;

import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.error.ErrorCode;

/** A mutation sent to an instance whose role does not accept mutations. */
public class RoleException extends ClientException {

    public RoleException(String message) {
        super(ErrorCode.UNAVAILABLE, message, null, null);
    }
}

package io.asyncstorefront.operation.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Directive;
import io.smallrye.graphql.api.DirectiveLocation;

/**
 * Declares the executable directive @idempotent in the schema; a client writes it on a top-level mutation field.
 * {@link IdempotentDirective} reads it.
 */
@Directive(on = DirectiveLocation.FIELD)
@Description("Makes a top-level mutation safe to retry: the same key with the same mutation and input answers the "
        + "operation first recorded under it, with its current state, and records nothing; with another mutation or "
        + "input it is refused with IDEMPOTENCY_KEY_REUSED. On a cart group it covers the whole group. Keys are "
        + "1 to 255 characters and are forgotten once the service's idempotency window has passed.")
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Idempotent {

    @NonNull
    String key();
}

package io.asyncstorefront.operation.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.execution.directives.QueryAppliedDirective;
import graphql.schema.DataFetchingEnvironment;
import io.asyncstorefront.graphql.Directives;
import io.asyncstorefront.graphql.StorableText;
import io.asyncstorefront.operation.api.InvalidInputException;
import io.asyncstorefront.operation.command.IdempotencyClaim;
import io.asyncstorefront.operation.dispatch.IdempotencyKeySource;
import io.smallrye.graphql.api.Context;

/** Reads and checks the key of the @idempotent directive ({@link Idempotent}) on the field being resolved. */
@ApplicationScoped
public class IdempotentDirective implements IdempotencyKeySource {

    private final Context context;

    public IdempotentDirective(Context context) {
        this.context = context;
    }

    @Override
    public Optional<String> keyOfCurrentMutation() throws InvalidInputException {
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        return environment == null ? Optional.empty() : keyOf(environment);
    }

    /**
     * The key of the directive on the field that the environment resolves, if it carries one; fails when it is empty,
     * longer than a key may be or not storable text.
     */
    public static Optional<String> keyOf(DataFetchingEnvironment environment) throws InvalidInputException {
        // The document's own fields first: resolving the applied directives costs more, and most mutations have none.
        if (environment.getMergedField().getFields().stream().noneMatch(field -> field.hasDirective(Directives.IDEMPOTENT))) {
            return Optional.empty();
        }
        List<QueryAppliedDirective> applied = environment.getQueryDirectives()
                .getImmediateAppliedDirective(Directives.IDEMPOTENT);
        if (applied.isEmpty() || applied.get(0).getArgument("key") == null) {
            return Optional.empty();
        }
        String key = applied.get(0).getArgument("key").getValue();
        if (key.isEmpty()) {
            throw new InvalidInputException("@idempotent(key:) must not be empty");
        }
        if (key.length() > IdempotencyClaim.MAX_KEY_LENGTH) {
            throw InvalidInputException.beyondLimit("key", IdempotencyClaim.MAX_KEY_LENGTH, "@idempotent(key:) has "
                    + key.length() + " characters; the maximum is " + IdempotencyClaim.MAX_KEY_LENGTH);
        }
        String problem = StorableText.problemOf(key);
        if (problem != null) {
            throw new InvalidInputException("@idempotent(key:) " + problem);
        }
        return Optional.of(key);
    }
}

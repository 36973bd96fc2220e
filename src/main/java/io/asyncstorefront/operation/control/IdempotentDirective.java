package io.asyncstorefront.operation.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.execution.directives.QueryAppliedDirective;
import graphql.schema.DataFetchingEnvironment;
import io.asyncstorefront.graphql.Directives;
import io.asyncstorefront.operation.dispatch.IdempotencyKeySource;
import io.smallrye.graphql.api.Context;

/** Reads the key of the @idempotent directive ({@link Idempotent}) from the field being resolved. */
@ApplicationScoped
public class IdempotentDirective implements IdempotencyKeySource {

    private final Context context;

    public IdempotentDirective(Context context) {
        this.context = context;
    }

    @Override
    public Optional<String> keyOfCurrentMutation() {
        return keyOf(context.unwrap(DataFetchingEnvironment.class));
    }

    /** The key of the directive on the field that the environment resolves, if it carries one. */
    public static Optional<String> keyOf(DataFetchingEnvironment environment) {
        List<QueryAppliedDirective> applied = environment.getQueryDirectives()
                .getImmediateAppliedDirective(Directives.IDEMPOTENT);
        if (applied.isEmpty() || applied.get(0).getArgument("key") == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(applied.get(0).getArgument("key").getValue());
    }
}

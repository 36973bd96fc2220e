package io.asyncstorefront.operation.control;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.schema.DataFetchingEnvironment;
import io.asyncstorefront.graphql.HttpRequests;
import io.asyncstorefront.operation.dispatch.WaitPreference;
import io.smallrye.graphql.api.Context;
import io.vertx.ext.web.RoutingContext;

/** Reads Prefer: wait=N (RFC 7240) from the mutation's HTTP request, and answers Preference-Applied with the wait. */
@ApplicationScoped
public class PreferWait implements WaitPreference {

    /* Where the request keeps when its wait ends. */
    private static final String DEADLINE = PreferWait.class.getName() + ".deadline";

    private final Context context;

    public PreferWait(Context context) {
        this.context = context;
    }

    @Override
    public Optional<Wait> waitOfCurrentMutation(Duration longest) {
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        Optional<RoutingContext> http = environment == null ? Optional.empty()
                : HttpRequests.of(environment.getGraphQlContext());
        if (http.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong seconds = HttpRequests.preferredWait(http.get().request().headers().getAll("Prefer"));
        long applied = Math.min(seconds.orElse(0), longest.toSeconds());
        if (applied == 0) {
            return Optional.empty();
        }
        // The wait bounds the whole answer, as RFC 7240 has it: the request's later mutations wait what is left of it.
        long now = System.nanoTime();
        Long deadline = http.get().get(DEADLINE);
        if (deadline == null) {
            deadline = now + Duration.ofSeconds(applied).toNanos();
            http.get().put(DEADLINE, deadline);
        }
        RoutingContext request = http.get();
        return deadline - now > 0
                ? Optional.of(new Wait(Duration.ofNanos(deadline - now),
                        () -> request.response().headers().set("Preference-Applied", "wait=" + applied)))
                : Optional.empty();
    }
}

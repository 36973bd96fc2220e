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

    private final Context context;

    public PreferWait(Context context) {
        this.context = context;
    }

    @Override
    public Optional<Duration> waitOfCurrentMutation(Duration longest) {
        DataFetchingEnvironment environment = context.unwrap(DataFetchingEnvironment.class);
        Optional<RoutingContext> http = environment == null ? Optional.empty()
                : HttpRequests.of(environment.getGraphQlContext());
        if (http.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong seconds = HttpRequests.preferredWait(http.get().request().headers().getAll("Prefer"));
        if (seconds.isEmpty() || seconds.getAsLong() == 0) {
            return Optional.empty();
        }
        Duration wait = Duration.ofSeconds(Math.min(seconds.getAsLong(), longest.toSeconds()));
        // Set rather than added: every mutation of the request waits as long.
        http.get().response().headers().set("Preference-Applied", "wait=" + wait.toSeconds());
        return Optional.of(wait);
    }
}

package io.asyncstorefront.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;
import io.vertx.core.impl.NoStackTraceThrowable;

/** Tests only: a read that fails the way the Vert.x SQL client fails, with a Throwable that is not an Exception. */
@GraphQLApi
public class FailingReads {

    @Query("failingRead")
    @Description("Tests only.")
    public Uni<List<String>> failingRead() {
        return Uni.createFrom().failure(new NoStackTraceThrowable("Pool closed"));
    }
}

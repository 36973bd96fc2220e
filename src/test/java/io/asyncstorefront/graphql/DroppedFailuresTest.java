package io.asyncstorefront.graphql;

import static io.asyncstorefront.support.GraphQLClient.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** A failure that SmallRye GraphQL would answer as a silent null is answered INTERNAL, with a reference. */
@QuarkusTest
@TestProfile(DroppedFailuresTest.ClosedPool.class)
class DroppedFailuresTest {

    @Inject
    Pool pool;

    @Test
    void aReadFailingWithAThrowableThatIsNoExceptionAnswersInternalWithAReference() {
        // The Vert.x SQL client fails every query of a closed pool with NoStackTraceThrowable("Pool closed"), a
        // Throwable that is not an Exception.
        pool.close().await().indefinitely();
        Throwable closed = pool.query("select 1").execute().onItem().<Throwable> transform(rows -> null)
                .onFailure().recoverWithItem(failure -> failure).await().indefinitely();
        assertThat(closed).as("the closed pool's failure").isNotNull().isNotInstanceOf(Exception.class);

        JsonPath answer = execute("query Queue($ids: [String!]!) { queue(operationIdentifiers: $ids) { identifier } }",
                Map.of("ids", List.of("0".repeat(40))));

        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo("INTERNAL");
        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("Internal error; reference " + answer.getString("errors[0].extensions.reference"));
        assertThat(answer.getList("errors[0].path")).containsExactly("queue");
    }

    /** An application of its own, since the test closes its pool. */
    public static class ClosedPool implements QuarkusTestProfile {
    }
}

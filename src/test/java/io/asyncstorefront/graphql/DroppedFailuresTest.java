package io.asyncstorefront.graphql;

import static io.asyncstorefront.support.GraphQLClient.execute;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A failure that SmallRye GraphQL would answer as a silent null is answered INTERNAL, with a reference. */
@QuarkusTest
class DroppedFailuresTest {

    @Test
    void aReadFailingWithAThrowableThatIsNoExceptionAnswersInternalWithAReference() {
        JsonPath answer = execute("{ failingRead }");

        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo("INTERNAL");
        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("Internal error; reference " + answer.getString("errors[0].extensions.reference"));
        assertThat(answer.getList("errors[0].path")).containsExactly("failingRead");
    }
}

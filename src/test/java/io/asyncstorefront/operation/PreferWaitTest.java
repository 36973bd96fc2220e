package io.asyncstorefront.operation;

import static io.asyncstorefront.support.Documents.CREATE_CART_STATE;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A mutation that asks to wait (Prefer: wait=N) is answered with its operation's final state. */
@QuarkusTest
class PreferWaitTest {

    @Test
    void aMutationThatWaitsIsAnsweredWithTheFinalStateAndTheWaitAppliedAtMostTheConfiguredMaximum() {
        String cart = newCartMask();
        Response response = given().contentType(ContentType.JSON).header("Prefer", "respond-async, wait=3600")
                .body(Map.of("query", CREATE_CART_STATE, "variables", Map.of("cartMask", cart)))
                .post("/graphql");

        assertThat(response.statusCode()).isEqualTo(200);
        // operations.follow.max-wait, by default.
        assertThat(response.header("Preference-Applied")).isEqualTo("wait=10");
        assertThat(response.jsonPath().getString("data.createEmptyCart.__typename"))
                .isEqualTo("PersistOperationCompleted");
        assertThat(response.jsonPath().getList("data.createEmptyCart.changedEntities[0].identifiers")).containsExactly(cart);
    }

    @Test
    void eachMutationOfARequestThatWaitsIsAnsweredItsFinalStateWithinTheOneWait() {
        String first = newCartMask();
        String second = newCartMask();
        Response response = given().contentType(ContentType.JSON).header("Prefer", "wait=3600")
                .body(Map.of("query", """
                        mutation Two($first: String!, $second: String!) {
                          first: createEmptyCart(cartMask: $first) { __typename }
                          second: createEmptyCart(cartMask: $second) { __typename }
                        }
                        """, "variables", Map.of("first", first, "second", second)))
                .post("/graphql");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Preference-Applied")).isEqualTo("wait=10");
        assertThat(response.jsonPath().getString("data.first.__typename")).isEqualTo("PersistOperationCompleted");
        assertThat(response.jsonPath().getString("data.second.__typename")).isEqualTo("PersistOperationCompleted");
    }
}

package io.asyncstorefront;

import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Documents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Settings of one mutation: sync mode for one, a lower input limit for another. */
@QuarkusTest
@TestProfile(MutationModeOverrideTest.CreateEmptyCartSync.class)
class MutationModeOverrideTest {

    public static class CreateEmptyCartSync implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("operations.mode", "async",
                    "operations.mutation.\"createEmptyCart\".mode", "sync",
                    "operations.mutation.\"deleteProducts\".max-inputs", "2");
        }
    }

    @Test
    void theOverriddenMutationAnswersItsFinalStateAndTheOthersAnswerAccepted() {
        String cartMask = newCartMask();

        String created = execute(Documents.CREATE_CART, Map.of("cartMask", cartMask))
                .getString("data.createEmptyCart.__typename");
        String assigned = execute("""
                mutation A($m: String!) {
                  assignCustomersToCarts(input: [{cartMask: $m, email: "jane.doe@example.com"}]) { __typename }
                }
                """, Map.of("m", cartMask)).getString("data.assignCustomersToCarts.__typename");

        assertThat(created).isEqualTo("PersistOperationCompleted");
        assertThat(assigned).isEqualTo("OperationAccepted");
    }

    @Test
    void aMutationsOwnInputLimitIsEnforcedAndNamed() {
        String message = execute("""
                mutation { deleteProducts(input: [{sku: "a"}, {sku: "b"}, {sku: "c"}]) { __typename } }
                """, Map.of()).getString("errors[0].message");

        assertThat(message).isEqualTo("input has 3 entries; deleteProducts takes at most 2");
    }
}

package io.asyncstorefront;

import static io.asyncstorefront.support.GraphQLClient.STATE_FIELDS;
import static io.asyncstorefront.support.GraphQLClient.awaitFinal;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The requests and responses of the asynchronous-mutations document, with its typos corrected. The same client code
 * runs in async mode here and in sync mode in {@link SeedExamplesSyncTest}.
 */
@QuarkusTest
class SeedExamplesTest {

    private static final String CREATE_EMPTY_CART = """
            mutation CreateEmptyCart($cartMask: String!) {
              createEmptyCart(cartMask: $cartMask) {
                identifier
                __typename
              }
            }
            """;

    private static final String QUEUE = """
            query Queue($operationIdentifiers: [String!]!) {
              queue(operationIdentifiers: $operationIdentifiers) {
                identifier
                __typename
              }
            }
            """;

    private static final String QUEUE_FAILURES = """
            query Queue($operationIdentifiers: [String!]!) {
              queue(operationIdentifiers: $operationIdentifiers) {
                identifier
                __typename
                ... on OperationFailed {
                  failures {
                    message
                    __typename
                  }
                }
              }
            }
            """;

    private static final String QUEUE_CHANGED_ENTITIES = """
            query Queue($operationIdentifiers: [String!]!) {
              queue(operationIdentifiers: $operationIdentifiers) {
                identifier
                __typename
                ... on PersistOperationCompleted {
                  changedEntities {
                    type
                    identifiers
                  }
                }
              }
            }
            """;

    private static final String QUEUE_CART = """
            query Queue($operationIdentifiers: [String!]!) {
              queue(operationIdentifiers: $operationIdentifiers) {
                identifier
                __typename
                ... on CartSaveOperationCompleted {
                  cart {
                    increment_id
                    items {
                      sku
                      qty
                    }
                  }
                }
              }
            }
            """;

    @ConfigProperty(name = "operations.mode")
    String mode;

    @Test
    void createEmptyCartAnswersWithAnOperationIdentifierOfFortyHexCharacters() {
        JsonPath answer = execute(CREATE_EMPTY_CART, Map.of("cartMask", newCartMask()));

        assertThat(answer.getString("data.createEmptyCart.identifier")).matches("[0-9a-f]{40}");
        assertThat(answer.getString("data.createEmptyCart.__typename"))
                .isEqualTo(isAsync() ? "OperationAccepted" : "PersistOperationCompleted");
        assertThat(answer.getList("errors")).isNull();
    }

    @Test
    void queueAnswersOneStatePerIdentifierInRequestOrder() {
        String first = execute(CREATE_EMPTY_CART, Map.of("cartMask", newCartMask()))
                .getString("data.createEmptyCart.identifier");
        String second = execute(CREATE_EMPTY_CART, Map.of("cartMask", newCartMask()))
                .getString("data.createEmptyCart.identifier");
        String unknown = "e211fb19a5ce81969aa5ec3ab216d2401c8766ed";

        List<Map<String, Object>> queue = execute(QUEUE, Map.of("operationIdentifiers", List.of(second, unknown, first)))
                .getList("data.queue");

        assertThat(queue).hasSize(3);
        assertThat(queue.get(0)).containsEntry("identifier", second);
        assertThat(queue.get(1)).isNull();
        assertThat(queue.get(2)).containsEntry("identifier", first);
        assertThat(List.of(queue.get(0).get("__typename"), queue.get(2).get("__typename"))).allSatisfy(
                type -> assertThat(type).isIn("OperationAccepted", "OperationInProgress", "PersistOperationCompleted"));
    }

    @Test
    void anUnknownCustomerEmailFailsTheOperationWithALogicalErrorReport() {
        String cartMask = newCartMask();
        mutateAndAwait(CREATE_EMPTY_CART, Map.of("cartMask", cartMask));
        String identifier = execute("""
                mutation Assign($cartMask: String!) {
                  assignCustomersToCarts(input: [{cartMask: $cartMask, email: "example@example.com"}]) {
                    identifier
                    __typename
                  }
                }
                """, Map.of("cartMask", cartMask)).getString("data.assignCustomersToCarts.identifier");
        awaitFinal(Map.of("identifier", identifier, "__typename", "OperationAccepted"));

        Map<String, Object> state = execute(QUEUE_FAILURES, Map.of("operationIdentifiers", List.of(identifier)))
                .getMap("data.queue[0]");

        assertThat(state).containsEntry("identifier", identifier).containsEntry("__typename", "OperationFailed");
        assertThat(state.get("failures")).isEqualTo(List.of(Map.of(
                "__typename", "LogicalErrorReport",
                "message", "No such entity with email example@example.com")));
    }

    @Test
    void aPersistOperationListsTheEntitiesItChanged() {
        String cartMask = newCartMask();
        String identifier = (String) mutateAndAwait(CREATE_EMPTY_CART, Map.of("cartMask", cartMask)).get("identifier");

        Map<String, Object> state = execute(QUEUE_CHANGED_ENTITIES, Map.of("operationIdentifiers", List.of(identifier)))
                .getMap("data.queue[0]");

        assertThat(state).containsEntry("__typename", "PersistOperationCompleted");
        assertThat(state.get("changedEntities")).isEqualTo(List.of(Map.of("type", "Cart", "identifiers", List.of(cartMask))));
    }

    @Test
    void aCartSaveOperationReturnsTheCartAsTheOperationLeftIt() {
        String cartMask = newCartMask();
        mutateAndAwait(CREATE_EMPTY_CART, Map.of("cartMask", cartMask));
        Map<String, Object> added = mutateAndAwait("""
                mutation Add($cartMask: String!) {
                  addProductsToCarts(input: [{cartMask: $cartMask, items: [
                    {sku: "simple-product-1", qty: 1},
                    {sku: "simple-product-2", qty: 2}
                  ]}]) {
                    %s
                  }
                }
                """.formatted(STATE_FIELDS), Map.of("cartMask", cartMask));

        Map<String, Object> state = execute(QUEUE_CART, Map.of("operationIdentifiers", List.of(added.get("identifier"))))
                .getMap("data.queue[0]");

        assertThat(state).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat((String) ((Map<?, ?>) state.get("cart")).get("increment_id")).matches("AA\\d{9}");
        assertThat(((Map<?, ?>) state.get("cart")).get("items")).isEqualTo(List.of(
                Map.of("sku", "simple-product-1", "qty", 1),
                Map.of("sku", "simple-product-2", "qty", 2)));
    }

    private boolean isAsync() {
        return mode.equals("async");
    }
}

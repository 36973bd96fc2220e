package io.asyncstorefront.cart;

import static io.asyncstorefront.support.GraphQLClient.createCart;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Notes on carts: set, read back, cleared; too long refused before anything is recorded. */
@QuarkusTest
class CartNotesTest {

    private static final String NOTES = """
            mutation Notes($input: [UpdateCartNoteInput!]!) {
              updateCartNotes(input: $input) {
                identifier
                __typename
                ... on CartSaveOperationCompleted { cart { cartMask notes } }
                ... on OperationFailed { failures { __typename message } }
              }
            }
            """;
    private static final String RESULT = """
            query Result($ids: [String!]!) {
              queue(operationIdentifiers: $ids) { ... on CartSaveOperationCompleted { cart { cartMask notes } } }
            }
            """;
    private static final String CART = """
            query Cart($cartMask: String!) { carts(cartMasks: [$cartMask]) { cartMask notes } }
            """;

    @Inject
    Database database;

    @Test
    void notesAreSetReadBackAndCleared() {
        String cartMask = newCartMask();
        createCart(cartMask);

        Map<String, Object> set = mutateAndAwait(NOTES, input(cartMask, "Gift wrap, please"));
        assertThat(set).containsEntry("__typename", "CartSaveOperationCompleted");
        assertThat(execute(RESULT, Map.of("ids", List.of(set.get("identifier")))).getMap("data.queue[0].cart"))
                .isEqualTo(Map.of("cartMask", cartMask, "notes", "Gift wrap, please"));
        assertThat(execute(CART, Map.of("cartMask", cartMask)).getString("data.carts[0].notes"))
                .isEqualTo("Gift wrap, please");

        mutateAndAwait(NOTES, input(cartMask, ""));
        assertThat(execute(CART, Map.of("cartMask", cartMask)).getString("data.carts[0].notes")).isNull();
    }

    @Test
    void anUnknownCartFailsAndWrongInputIsRefusedRecordingNothing() {
        Map<String, Object> unknown = mutateAndAwait(NOTES, input(newCartMask(), "hello"));
        assertThat(unknown).containsEntry("__typename", "OperationFailed");

        String cartMask = newCartMask();
        createCart(cartMask);
        long operations = database.operations();
        assertRefused(execute(NOTES, input(cartMask, "n".repeat(501))), "BAD_USER_INPUT", "notes");
        assertRefused(execute(NOTES, input(cartMask, "a\u0000b")), "BAD_USER_INPUT", "U+0000");
        assertRefused(execute(NOTES, Map.of("input", List.of(Map.of("cartMask", cartMask, "notes", "a"),
                Map.of("cartMask", cartMask, "notes", "b")))), "BAD_USER_INPUT",
                "input[1].cartMask: " + cartMask + " appears more than once");
        assertRefused(execute(NOTES, Map.of("input", List.of())), "BAD_USER_INPUT", "input must have at least one entry");
        assertThat(database.operations()).isEqualTo(operations);
        assertThat(execute(CART, Map.of("cartMask", cartMask)).getString("data.carts[0].notes")).isNull();
    }

    private static void assertRefused(JsonPath answer, String code, String message) {
        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo(code);
        assertThat(answer.getString("errors[0].message")).as(answer.prettify()).contains(message);
        assertThat(answer.getString("data.updateCartNotes")).isNull();
    }

    private static Map<String, Object> input(String cartMask, String notes) {
        return Map.of("input", List.of(Map.of("cartMask", cartMask, "notes", notes)));
    }
}

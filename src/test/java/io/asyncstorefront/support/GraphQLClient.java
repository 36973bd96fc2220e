package io.asyncstorefront.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A storefront client as the README describes one: it sends GraphQL and follows operations until they are final. */
public final class GraphQLClient {

    /** What a client selects of an operation state, in a mutation's answer and in the queue. */
    public static final String STATE_FIELDS = """
            identifier
            __typename
            ... on PersistOperationInterface { changedEntities { type identifiers } }
            ... on CartSaveOperationCompleted { cart { cartMask increment_id items { sku qty } customerEmail } }
            ... on CartsMutationCompleted { carts { cartMask increment_id items { sku qty } customerEmail } }
            ... on ProductsMutationCompleted { products { sku name price } }
            ... on CustomersMutationCompleted { customers { email firstname lastname } }
            ... on OperationFailed {
              failures {
                __typename
                message
                ... on ValidationErrorReport { inputIndex field }
                ... on LogicalErrorReport { inputIndex }
                ... on PrecedingStepFailedReport { failedStep }
                ... on SystemErrorReport { retriable }
              }
            }
            """;

    private static final String QUEUE = """
            query Queue($ids: [String!]!) {
              queue(operationIdentifiers: $ids) {
                %s
              }
            }
            """.formatted(STATE_FIELDS);

    private static final Set<String> UNFINISHED = Set.of("OperationAccepted", "OperationInProgress");

    private GraphQLClient() {
    }

    public static JsonPath execute(String document) {
        return execute(document, Map.of());
    }

    /** Posts a GraphQL request; GraphQL answers HTTP 200 for good and bad documents alike. */
    public static JsonPath execute(String document, Map<String, ?> variables) {
        return given()
                .contentType(ContentType.JSON)
                .body(Map.of("query", document, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** Runs a mutation that answers an operation state and follows the operation until it is final. */
    public static Map<String, Object> mutateAndAwait(String mutation, Map<String, ?> variables) {
        JsonPath answer = execute(mutation, variables);
        Map<String, Object> data = answer.getMap("data");
        if (data == null || data.size() != 1) {
            throw new AssertionError("Expected one operation state, got " + answer.prettify());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) data.values().iterator().next();
        return awaitFinal(state);
    }

    public static Map<String, Object> awaitFinal(Map<String, Object> state) {
        if (!UNFINISHED.contains(state.get("__typename"))) {
            return state;
        }
        String identifier = (String) state.get("identifier");
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> queue(List.of(identifier)).get(0),
                        current -> current != null && !UNFINISHED.contains(current.get("__typename")));
    }

    public static List<Map<String, Object>> queue(List<String> identifiers) {
        return execute(QUEUE, Map.of("ids", identifiers)).getList("data.queue");
    }

    /** Creates the empty cart and waits until it exists. */
    public static Map<String, Object> createCart(String cartMask) {
        return mutateAndAwait(Documents.CREATE_CART, Map.of("cartMask", cartMask));
    }

    public static String newCartMask() {
        return "cart-" + UUID.randomUUID();
    }
}

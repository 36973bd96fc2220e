package io.asyncstorefront;

import static io.asyncstorefront.support.Documents.CREATE_CART;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Input that no operation may be recorded for: each gets a clear GraphQL error, and nothing is written. */
@QuarkusTest
class BadInputTest {

    private static final String ADD = """
            mutation Add($input: [AddProductsToCartInput!]!) { addProductsToCarts(input: $input) { identifier } }
            """;
    private static final String REMOVE = """
            mutation Remove($input: [RemoveProductsFromCartInput!]!) { removeProductsFromCarts(input: $input) { identifier } }
            """;
    private static final String ASSIGN = """
            mutation Assign($input: [AssignCustomerToCartInput!]!) { assignCustomersToCarts(input: $input) { identifier } }
            """;
    private static final String CREATE_PRODUCTS = """
            mutation Create($input: [CreateProductInput!]!) { createProducts(input: $input) { identifier } }
            """;
    private static final String UPDATE_PRODUCTS = """
            mutation Update($input: [UpdateProductInput!]!) { updateProducts(input: $input) { identifier } }
            """;
    private static final String CREATE_CUSTOMERS = """
            mutation Create($input: [CreateCustomerInput!]!) { createCustomers(input: $input) { identifier } }
            """;
    private static final String UPDATE_CUSTOMERS = """
            mutation Update($input: [UpdateCustomerInput!]!) { updateCustomers(input: $input) { identifier } }
            """;
    private static final String UPDATE_ITEMS = """
            mutation Update($input: [UpdateCartItemInput!]!) { updateCartItems(input: $input) { identifier } }
            """;
    private static final String QUEUE = """
            query Queue($ids: [String!]!) { queue(operationIdentifiers: $ids) { identifier } }
            """;

    @Inject
    Database database;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("an empty cart mask", CREATE_CART, Map.of("cartMask", ""), "cartMask must be 1 to 64 letters"),
                Arguments.of("an oversized cart mask", CREATE_CART, Map.of("cartMask", "m".repeat(65)),
                        "cartMask must be 1 to 64"),
                Arguments.of("a cart mask with spaces", CREATE_CART, Map.of("cartMask", "my cart"), "cartMask must be 1 to 64"),
                Arguments.of("a negative quantity", ADD, add(item("simple-product-1", -1)),
                        "items[0].qty must be greater than 0"),
                Arguments.of("a zero quantity", ADD, add(item("simple-product-1", 0)), "items[0].qty must be greater than 0"),
                Arguments.of("an oversized quantity", ADD, add(item("simple-product-1", 10_001)),
                        "qty must be less than or equal to 10000"),
                Arguments.of("a quantity beyond 32 bits", ADD, add(item("simple-product-1", 4_294_967_297L)),
                        "Variable 'input' has an invalid value: Expected value to be in the integer range, but it was a "
                                + "'4294967297'"),
                Arguments.of("a quantity beyond 32 bits, written in the document",
                        "mutation { updateCartItems(input: [{cartMask: \"c\", sku: \"a\", qty: 4294967297}]) { identifier } }",
                        Map.of(), "input[0].qty: 4294967297 is not a valid Int"),
                Arguments.of("a quantity that is not a number", ADD, add(Map.of("sku", "simple-product-1", "qty", "one")),
                        "Variable 'input' has an invalid value: Expected a value of type Int"),
                Arguments.of("a quantity written as a string", ADD, add(Map.of("sku", "simple-product-1", "qty", "2")),
                        "Expected a value of type Int"),
                Arguments.of("a fractional quantity", ADD, add(Map.of("sku", "simple-product-1", "qty", 2.5)),
                        "Expected a value of type Int"),
                Arguments.of("a blank SKU", ADD, add(item(" ", 1)), "items[0].sku must not be blank"),
                Arguments.of("an oversized SKU", ADD, add(item("s".repeat(65), 1)),
                        "items[0].sku size must be between 0 and 64"),
                Arguments.of("no items", ADD, add(), "input[0].items must have at least one entry"),
                Arguments.of("too many items", ADD, add(IntStream.range(0, 101).mapToObj(i -> item("sku-" + i, 1))
                        .toArray(Map<?, ?>[]::new)), "input[0].items has 101 entries; a cart input takes at most 100"),
                Arguments.of("a SKU twice", ADD, add(item("simple-product-1", 1), item("simple-product-1", 2)),
                        "input[0].items[1].sku: simple-product-1 appears more than once"),
                Arguments.of("a cart twice in one batch", ADD, Map.of("input", List.of(
                        Map.of("cartMask", "c", "items", List.of(item("a", 1))),
                        Map.of("cartMask", "c", "items", List.of(item("b", 1))))),
                        "input[1].cartMask: c appears more than once"),
                Arguments.of("a missing field", "mutation { addProductsToCarts(input: [{cartMask: \"c\"}]) { identifier } }",
                        Map.of(),
                        "missing required fields '[items]'"),
                Arguments.of("no SKUs to remove", REMOVE, Map.of("input", List.of(Map.of("cartMask", "c", "skus", List.of()))),
                        "input[0].skus must have at least one entry"),
                Arguments.of("a SKU to remove twice", REMOVE,
                        Map.of("input", List.of(Map.of("cartMask", "c", "skus", List.of("a", "a")))),
                        "input[0].skus[1]: a appears more than once"),
                Arguments.of("a malformed email", ASSIGN,
                        Map.of("input", List.of(Map.of("cartMask", "c", "email", "not-an-email"))),
                        "email must be a well-formed email address"),
                Arguments.of("too many operation identifiers", QUEUE, Map.of("ids", IntStream.range(0, 101)
                        .mapToObj(i -> "%040d".formatted(i)).toList()),
                        "operationIdentifiers has 101 entries; the maximum is 100"),
                Arguments.of("too many SKUs", "query P($skus: [String!]) { products(skus: $skus) { sku } }",
                        Map.of("skus", IntStream.range(0, 101).mapToObj(i -> "sku-" + i).toList()),
                        "skus size must be between 0 and 100"),
                Arguments.of("too many cart masks", "query C($m: [String!]!) { carts(cartMasks: $m) { cartMask } }",
                        Map.of("m", IntStream.range(0, 101).mapToObj(i -> "cart-" + i).toList()),
                        "cartMasks size must be between 0 and 100"),
                Arguments.of("too many emails", "query C($e: [String!]) { customers(emails: $e) { email } }",
                        Map.of("e", IntStream.range(0, 101).mapToObj(i -> i + "@example.com").toList()),
                        "emails size must be between 0 and 100"),
                Arguments.of("more inputs than the limit", CREATE_PRODUCTS, Map.of("input", IntStream.range(0, 101)
                        .mapToObj(i -> product("sku-" + i, 1)).toList()),
                        "input has 101 entries; createProducts takes at most 100"),
                Arguments.of("an empty input list", CREATE_PRODUCTS, Map.of("input", List.of()),
                        "input must have at least one entry"),
                Arguments.of("a SKU twice in one batch", CREATE_PRODUCTS,
                        Map.of("input", List.of(product("x", 1), product("x", 2))),
                        "input[1].sku: x appears more than once"),
                Arguments.of("a negative price", CREATE_PRODUCTS, Map.of("input", List.of(product("x", -1))),
                        "input[0].price must be greater than or equal to 0"),
                Arguments.of("a price with three decimals", CREATE_PRODUCTS, Map.of("input", List.of(product("x", 1.005))),
                        "input[0].price numeric value out of bounds"),
                Arguments.of("a SKU with spaces", CREATE_PRODUCTS, Map.of("input", List.of(product("a b", 1))),
                        "input[0].sku must be 1 to 64 letters"),
                Arguments.of("an update that changes nothing", UPDATE_PRODUCTS, Map.of("input", List.of(Map.of("sku", "x"))),
                        "input[0]: name or price is needed"),
                Arguments.of("a blank new name", UPDATE_PRODUCTS, Map.of("input", List.of(Map.of("sku", "x", "name", " "))),
                        "input[0].name must not be blank"),
                Arguments.of("an email twice in one batch", CREATE_CUSTOMERS, Map.of("input", List.of(
                        customer("a@example.com"), customer("a@example.com"))),
                        "input[1].email: a@example.com appears more than once"),
                Arguments.of("a malformed customer email", CREATE_CUSTOMERS, Map.of("input", List.of(customer("nobody"))),
                        "input[0].email must be a well-formed email address"),
                Arguments.of("a customer update that changes nothing", UPDATE_CUSTOMERS,
                        Map.of("input", List.of(Map.of("email", "a@example.com"))),
                        "input[0]: firstname or lastname is needed"),
                Arguments.of("a cart line twice in one batch", UPDATE_ITEMS, Map.of("input", List.of(
                        Map.of("cartMask", "c", "sku", "a", "qty", 1), Map.of("cartMask", "c", "sku", "a", "qty", 2))),
                        "input[1]: cart c, sku a appears more than once"),
                Arguments.of("too many operations to retry",
                        "mutation R($ids: [String!]!) { retryOperations(operationIdentifiers: $ids) { identifier } }",
                        Map.of("ids", IntStream.range(0, 101).mapToObj(i -> "%040d".formatted(i)).toList()),
                        "operationIdentifiers has 101 entries; the maximum is 100"),
                Arguments.of("too many operations to cancel",
                        "mutation C($ids: [String!]!) { cancelOperations(operationIdentifiers: $ids) { identifier } }",
                        Map.of("ids", IntStream.range(0, 101).mapToObj(i -> "%040d".formatted(i)).toList()),
                        "operationIdentifiers has 101 entries; the maximum is 100"),
                Arguments.of("products without skus", "{ products { sku } }", Map.of(),
                        "products looks up products by skus; productPage(first, after) reads the whole catalog"),
                Arguments.of("customers without emails", "{ customers { email } }", Map.of(),
                        "customers looks up customers by emails; customerPage(first, after) reads all customers"),
                Arguments.of("an unknown mutation", "mutation { createFullCart(cartMask: \"c\") { identifier } }", Map.of(),
                        "Field 'createFullCart' in type 'Mutation' is undefined"),
                Arguments.of("a syntax error", "mutation { createEmptyCart(cartMask: ) { identifier } }", Map.of(),
                        "Invalid syntax with offending token ')' at line 1 column 38"));
    }

    /** A message that begins with an argument's path names the argument in extensions.argument too. */
    private static final Pattern NAMED_ARGUMENT = Pattern.compile(
            "^((?:input|items|skus|operationIdentifiers)(?:\\[\\d+])?(?:\\.\\w+(?:\\[\\d+])?)*)(?::| must | has )");

    @ParameterizedTest(name = "{0} is rejected")
    @MethodSource("badRequests")
    void aBadRequestGetsAClearGraphQLErrorAndWritesNothing(String description, String document, Map<String, ?> variables,
            String expectedMessage) {
        long operationsBefore = database.operations();

        JsonPath answer = execute(document, variables);

        List<Map<String, Object>> errors = answer.getList("errors");
        assertThat(errors).as(answer.prettify()).isNotEmpty();
        assertThat(errors.get(0).get("message").toString()).contains(expectedMessage).doesNotContain("Exception");
        Matcher named = NAMED_ARGUMENT.matcher(errors.get(0).get("message").toString());
        if (named.find()) {
            assertThat(answer.getString("errors[0].extensions.argument")).as(answer.prettify()).isEqualTo(named.group(1));
        }
        assertThat(answer.getList("errors.extensions.code")).as(answer.prettify()).doesNotContainNull()
                .doesNotContain("INTERNAL");
        assertThat(answer.prettify()).doesNotContain("\tat ").doesNotContain("stackTrace").doesNotContain("classification");
        assertThat(database.operations()).isEqualTo(operationsBefore);
    }

    @Test
    void aBodyThatIsNotJsonGets400AndSaysWhere() {
        JsonPath answer = given().contentType(ContentType.JSON).body("{\"query\": \"mutation {")
                .when().post("/graphql")
                .then().statusCode(400)
                .extract().jsonPath();

        assertThat(answer.getString("errors[0].message")).isEqualTo("The request body is not valid JSON at line 1, column 22");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @ParameterizedTest(name = "a request body {0} gets 400 and a GraphQL error")
    @CsvSource(delimiter = '|', textBlock = """
            {"query": "{ products { sku } }", "variables": "not an object"} | variables must be a JSON object
            {"query": "{ products { sku } }", "variables": [1]}             | variables must be a JSON object
            {"query": "{ products { sku } }", "operationName": 5}           | operationName must be a string
            {"query": 5}                                                    | The request has no query string
            [{"query": "{ products { sku } }"}]                             | The request body must be a JSON object with a query string
            """)
    void aRequestWhoseMembersHaveTheWrongJsonTypeIsRejectedByName(String body, String message) {
        JsonPath answer = given().contentType(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(400)
                .extract().jsonPath();

        assertThat(answer.getString("errors[0].message")).isEqualTo(message);
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    private static Map<String, Object> customer(String email) {
        return Map.of("email", email, "firstname", "First", "lastname", "Last");
    }

    private static Map<String, Object> product(String sku, Number price) {
        return Map.of("sku", sku, "name", "Product", "price", price);
    }

    private static Map<String, Object> add(Map<?, ?>... items) {
        return Map.of("input", List.of(Map.of("cartMask", "c", "items", List.of(items))));
    }

    private static Map<String, Object> item(String sku, Object qty) {
        return Map.of("sku", sku, "qty", qty);
    }
}

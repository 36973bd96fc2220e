package io.asyncstorefront.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.asyncstorefront.support.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The rules of GraphQL over HTTP that client libraries rely on: the methods and media types taken, the media type and
 * status of each answer, with the Accept headers that Apollo Client, urql and graphql-request send by default.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    /** The default Accept headers of Apollo Client 4, urql and graphql-request. */
    private static final List<String> CLIENT_ACCEPTS = List.of(
            "application/graphql-response+json,application/json;q=0.9",
            "application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed",
            "application/graphql-response+json, application/json");

    @Inject
    Database database;

    @TestHTTPResource("/graphql")
    URI graphql;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{ __typename }", "mutation { createEmptyCart(cartMask: \"by-get\") { identifier } }" })
    void aRequestOverGetIsRefusedWith405NamingPostInAllowAndAnError(String document) {
        long operations = database.operations();

        JsonPath answer = given().queryParam("query", document).when().get("/graphql")
                .then().statusCode(405).header("Allow", "POST").contentType("application/json")
                .extract().jsonPath();

        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(answer.getString("errors[0].message")).contains("POST");
        assertThat(database.operations()).isEqualTo(operations);
    }

    @Test
    void aBodyOfTheAnswersMediaTypeIsRefusedWith415NamingIt() {
        JsonPath answer = given().contentType("application/graphql-response+json").body("{\"query\": \"{ __typename }\"}")
                .when().post("/graphql")
                .then().statusCode(415).extract().jsonPath();

        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(answer.getString("errors[0].message")).contains("application/json")
                .contains("the media type of answers");
    }

    @Test
    void eachClientsDefaultAcceptGets400WithoutDataForEveryKindOfRequestError() {
        Map<String, Map<String, Object>> requestErrors = Map.of(
                "GRAPHQL_PARSE_FAILED", Map.of("query", "{ products("),
                "GRAPHQL_VALIDATION_FAILED", Map.of("query", "{ noSuchField }"),
                "BAD_USER_INPUT", Map.of("query", "query Page($n: Int!) { productPage(first: $n) { nodes { sku } } }",
                        "variables", Map.of("n", "ten")),
                "LIMIT_EXCEEDED", Map.of("query", "{ " + "a: __typename ".repeat(31) + "}"));
        for (String accept : CLIENT_ACCEPTS) {
            requestErrors.forEach((code, body) -> {
                Response response = given().contentType(ContentType.JSON).accept(accept).body(body).when().post("/graphql");

                assertThat(response.statusCode()).as("%s with Accept %s", code, accept).isEqualTo(400);
                assertThat(response.contentType()).startsWith("application/graphql-response+json");
                assertThat(response.jsonPath().getMap("$")).doesNotContainKey("data");
                assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo(code);
            });
            Response answered = given().contentType(ContentType.JSON).accept(accept)
                    .body(Map.of("query", "{ __typename }")).when().post("/graphql");
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.contentType()).startsWith("application/graphql-response+json");
        }
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = { "", "*/*", "application/json" })
    void aClientThatDoesNotNameGraphQLResponsesGetsJson(String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}"));
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.body()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource({ "application/graphql-response+json, 400", "application/json, 200" })
    void aVariableThatCannotBeCoercedIsARequestErrorThatWritesNothing(String accept, int status) {
        long operations = database.operations();

        JsonPath answer = given().contentType(ContentType.JSON).accept(accept)
                .body(Map.of("query",
                        "mutation Create($cartMask: String!) { createEmptyCart(cartMask: $cartMask) { identifier } }",
                        "variables", Map.of("cartMask", List.of("not", "a", "string"))))
                .when().post("/graphql")
                .then().statusCode(status).contentType(accept)
                .extract().jsonPath();

        assertThat(answer.getMap("$")).doesNotContainKey("data");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(database.operations()).isEqualTo(operations);
    }
}

package io.asyncstorefront;

import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** GraphQL over HTTP and the request limits, each refused with its own error; a refused request writes nothing. */
@QuarkusTest
class RequestLimitsTest {

    private static final String INTROSPECTION = """
            query IntrospectionQuery {
              __schema {
                queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description locations args { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) {
                name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason
              }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type {
              kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
                ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
            }
            """;

    @Inject
    Database database;

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void theGraphQLUIsIntrospectionQueryIsNotHeldByTheDepthAndComplexityLimits() {
        JsonPath answer = execute(INTROSPECTION);

        assertThat(answer.getList("errors")).isNull();
        assertThat(answer.getString("data.__schema.mutationType.name")).isEqualTo("Mutation");
    }

    @Test
    void aBodyLargerThanTheLimitGets413NamingTheLimit() {
        String body = "{\"query\": \"{ __typename }\", \"extensions\": {\"padding\": \"%s\"}}".formatted("x".repeat(1_100_000));

        JsonPath answer = given().contentType(ContentType.JSON).body(body)
                .when().post("/graphql")
                .then().statusCode(413)
                .extract().jsonPath();

        assertThat(answer.getString("errors[0].message")).isEqualTo("The request body is larger than 1048576 bytes");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(answer.getLong("errors[0].extensions.limit")).isEqualTo(1_048_576L);
    }

    @Test
    void aMutationSentAsPlainTextIsRefusedSoThatNoOtherSiteCanPostOne() {
        long operations = database.operations();

        JsonPath answer = given().contentType("text/plain")
                .body("{\"query\": \"mutation { createEmptyCart(cartMask: \\\"forged\\\") { identifier } }\"}")
                .when().post("/graphql")
                .then().statusCode(415)
                .extract().jsonPath();

        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        assertThat(database.operations()).isEqualTo(operations);
    }

    @Test
    void aDocumentWithMoreTopLevelMutationsThanTheLimitIsRefusedWholeBeforeAnyIsAccepted() {
        long operations = database.operations();
        StringBuilder many = new StringBuilder("mutation {");
        for (int i = 0; i < 11; i++) {
            many.append(" createEmptyCart(cartMask: \"root-%d\") { identifier }".formatted(i));
        }

        JsonPath answer = execute(many.append(" }").toString());

        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("The operation has 11 top-level mutation fields; the limit is 10");
        assertThat(answer.getInt("errors[0].extensions.limit")).isEqualTo(10);
        assertThat(database.operations()).isEqualTo(operations);
    }

    @Test
    void anOperationNestedBeyondTheDepthLimitIsRefusedBeforeItIsValidated() {
        JsonPath answer = execute("{ " + "a { ".repeat(13) + "b" + " }".repeat(13) + " }");

        assertThat(answer.getString("errors[0].message")).isEqualTo("The operation nests fields 14 deep; the limit is 12");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
    }

    @Test
    void aFragmentBombIsRefusedByTheComplexityLimit() {
        StringBuilder document = new StringBuilder("fragment F0 on Query { __typename }\n");
        for (int i = 1; i < 30; i++) {
            document.append("fragment F%d on Query { ...F%d ...F%d }\n".formatted(i, i - 1, i - 1));
        }

        JsonPath answer = execute(document.append("{ ...F29 }").toString());

        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("The operation selects more than 1000 fields (each fragment counted where it is spread)");
    }

    @Test
    void anAmbiguousDocumentGets400NamingItsOperations() {
        JsonPath answer = given().contentType(ContentType.JSON)
                .body(Map.of("query", "query A { __typename } query B { __typename }"))
                .when().post("/graphql")
                .then().statusCode(400)
                .extract().jsonPath();

        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("The document has 2 operations (A, B): name the one to run in operationName");
    }

    @Test
    void aBodyWithSomethingAfterItsJsonIsRefused() {
        JsonPath answer = given().contentType(ContentType.JSON)
                .body("{\"query\": \"mutation { createEmptyCart(cartMask: \\\"trailing\\\") { identifier } }\"} {}")
                .when().post("/graphql")
                .then().statusCode(400)
                .extract().jsonPath();

        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("The request body has more after its JSON object, at line 1, column 82");
    }

    @Test
    void aBodyInAnotherCharsetThanUtf8Gets415NamingIt() throws Exception {
        // Sent by the JDK's client, which leaves the charset alone where a REST client would encode by it.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/json; charset=bogus")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        JsonPath answer = JsonPath.from(response.body());
        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("The request body's charset is bogus; a GraphQL POST must be UTF-8");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aClientThatAcceptsOnlyAnotherCharsetThanUtf8Gets406NamingIt() {
        JsonPath answer = given().contentType(ContentType.JSON).accept("application/json;charset=utf-16")
                .body(Map.of("query", "{ __typename }"))
                .when().post("/graphql")
                .then().statusCode(406)
                .extract().jsonPath();

        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("The request accepts the charset utf-16; answers are UTF-8");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void anEmptyQueryIsNamedAsSuch() {
        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("query", " "))
                .when().post("/graphql")
                .then().statusCode(400)
                .extract().jsonPath();

        assertThat(answer.getString("errors[0].message"))
                .isEqualTo("The query is empty: send a GraphQL document, such as { __typename }");
        assertThat(answer.getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void introspectionDeeperThanGraphQLJavasOwnLimitIsRefusedNamingTheLimit() {
        JsonPath answer = execute("{ __type(name: \"Query\") { " + "ofType { ".repeat(30) + "name" + " }".repeat(30) + " } }");

        assertThat(answer.getString("errors[0].extensions.code")).as(answer.prettify()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(answer.getInt("errors[0].extensions.limit")).isEqualTo(20);
        assertThat(answer.getString("errors[0].message")).startsWith("The introspection query is larger than a client needs");
    }
}

package io.asyncstorefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.support.Database;
import io.asyncstorefront.support.Documents;
import io.asyncstorefront.support.GraphQLClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The requests of src/test/resources/hostile-requests.jsonl, malformed or hostile, each answered without a server error,
 * a stack trace or a Java name, every error with a message and a documented code; none writes anything, and the service
 * works afterwards. A corpus entry expecting "data" is a read that must answer normally.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsTest {

    private static final Set<String> CODES = Set.of("BAD_REQUEST", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED",
            "BAD_USER_INPUT", "LIMIT_EXCEEDED");
    private static final List<String> LEAKS = List.of("\tat ", "Exception", "io.asyncstorefront", "java.", "SRGQL",
            "classification", "{jakarta.", "graphql.", "Unknown Scalar Type");
    private static final String TABLES = """
            select (select count(*) from operation) + (select count(*) from product) + (select count(*) from customer)
                 + (select count(*) from cart) + (select count(*) from cart_item)
            """;

    @Inject
    Database database;

    @TestHTTPResource("/graphql")
    URI graphql;

    private final HttpClient http = HttpClient.newHttpClient();

    private long rowsBefore;

    static Stream<Arguments> corpus() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                HostileRequestsTest.class.getResourceAsStream("/hostile-requests.jsonl"), StandardCharsets.UTF_8))) {
            return lines.lines().map(line -> {
                try {
                    JsonNode entry = json.readTree(line);
                    return Arguments.of(entry.get("name").asText(), entry);
                } catch (IOException e) {
                    throw new IllegalStateException(line, e);
                }
            }).toList().stream();
        }
    }

    @BeforeAll
    void countRows() {
        rowsBefore = database.single(TABLES).getLong(0);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileRequestGetsANamedProblemAndNoServerError(String name, JsonNode entry) throws Exception {
        // Sent as raw bytes with the corpus's own header: an HTTP client library would encode or complete them.
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).POST(BodyPublishers.ofByteArray(body(entry)));
        if (!entry.get("contentType").asText().isEmpty()) {
            request.header("Content-Type", entry.get("contentType").asText());
        }
        HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
        String text = response.body();

        assertThat(response.statusCode()).as(text).isLessThan(500);
        assertThat(LEAKS).as(text).noneMatch(text::contains);
        JsonPath answer = JsonPath.from(text);
        List<Map<String, Object>> errors = answer.getList("errors");
        if (entry.get("expect").asText().equals("data")) {
            assertThat(errors).as(text).isNull();
            assertThat(answer.getMap("data")).as(text).isNotNull();
            return;
        }
        assertThat(errors).as(text).isNotEmpty();
        for (Map<String, Object> error : errors) {
            assertThat(String.valueOf(error.get("message"))).as(text).isNotBlank();
            assertThat(error.get("extensions")).as(text).isInstanceOf(Map.class);
            assertThat(((Map<?, ?>) error.get("extensions")).get("code")).as(text).isIn(CODES);
        }
        assertThat(text).doesNotContain("\"identifier\":\"");
    }

    @Order(2)
    @Test
    void theCorpusWroteNothingAndTheServiceStillWorks() {
        assertThat(database.single(TABLES).getLong(0)).isEqualTo(rowsBefore);
        given().when().get("/q/health/ready").then().statusCode(200);
        Map<String, Object> state = GraphQLClient.mutateAndAwait(Documents.CREATE_CART_STATE,
                Map.of("cartMask", "after-the-hostile-corpus"));
        assertThat(state.get("__typename")).isEqualTo("PersistOperationCompleted");
    }

    private static byte[] body(JsonNode entry) {
        if (entry.has("bodyBase64")) {
            return Base64.getDecoder().decode(entry.get("bodyBase64").asText());
        }
        String body = entry.get("body").asText();
        if (entry.has("fill")) {
            JsonNode fill = entry.get("fill");
            body = body.replace("@@FILL@@", fill.get("text").asText().repeat(fill.get("times").asInt()));
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}

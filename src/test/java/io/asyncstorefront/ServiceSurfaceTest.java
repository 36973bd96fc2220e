package io.asyncstorefront;

import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.KubernetesManifests;
import io.asyncstorefront.support.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Root queries together, health, the GraphQL UI and the limits that protect them. */
@QuarkusTest
class ServiceSurfaceTest {

    @Test
    void severalRootQueriesInOneDocumentAreAnsweredTogether() {
        JsonPath answer = execute("""
                {
                  products(skus: ["simple-product-1"]) { sku }
                  customers(emails: ["jane.doe@example.com"]) { email }
                  carts(cartMasks: ["no-such-cart"]) { cartMask }
                  queue(operationIdentifiers: ["e211fb19a5ce81969aa5ec3ab216d2401c8766ed"]) { identifier }
                  productPage(first: 1) { nodes { sku } }
                  customerPage(first: 1) { nodes { email } }
                }
                """, Map.of());

        assertThat(answer.getList("errors")).isNull();
        assertThat(answer.getList("data.products.sku")).containsExactly("simple-product-1");
        assertThat(answer.getList("data.customers.email")).containsExactly("jane.doe@example.com");
        assertThat(answer.getList("data.carts")).isEmpty();
        assertThat(answer.getList("data.queue")).containsExactly((Object) null);
        assertThat(answer.getList("data.productPage.nodes")).hasSize(1);
        assertThat(answer.getList("data.customerPage.nodes")).hasSize(1);
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", containsString("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check", "Graceful Shutdown"));
    }

    /** The processor's autoscaler (deploy/kubernetes) reads a metric that the service serves. */
    @Test
    void theMetricThatScalesTheProcessorIsServed() {
        String metric = KubernetesManifests.processorScalingMetric();
        assertThat(Metrics.value(metric)).isPresent();
    }

    @Test
    void theGraphQLUIIsServed() {
        given().when().get("/q/graphql-ui/").then().statusCode(200).body(containsString("GraphiQL"));
    }

    @Test
    void aDocumentAboveTheTokenLimitIsRejectedWithAnErrorNamingTheLimit() {
        String belowTheLimit = "query Q($s: [String!] = [%s]) { products(skus: $s) { sku } }"
                .formatted("\"a\" ".repeat(14_000));
        String aboveTheLimit = "query Q($s: [String!] = [%s]) { products(skus: $s) { sku } }"
                .formatted("\"a\" ".repeat(16_000));

        assertThat(execute(belowTheLimit, Map.of()).getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        JsonPath above = execute(aboveTheLimit, Map.of());
        assertThat(above.getString("errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(above.getInt("errors[0].extensions.limit")).isEqualTo(15_000);
        assertThat(above.getString("errors[0].message")).isEqualTo("The document has more than 15000 tokens");
    }
}

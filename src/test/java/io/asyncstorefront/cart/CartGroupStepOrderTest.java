package io.asyncstorefront.cart;

import static io.asyncstorefront.support.GraphQLClient.createCart;
import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.newCartMask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The seed's experiment: steps that take less time the later they come (600, 500, 200 and 150 ms, added before each
 * step) still start and answer in document order, and the answer keeps document order.
 */
@QuarkusTest
@TestProfile(CartGroupStepOrderTest.DelayedSteps.class)
class CartGroupStepOrderTest {

    public static class DelayedSteps implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(DelayingCartStepObserver.class);
        }
    }

    @Inject
    DelayingCartStepObserver observer;
    @Inject
    Database database;

    @Test
    void stepsThatTakeLessTimeTheLaterTheyComeStillStartAndAnswerInDocumentOrder() {
        String cartMask = newCartMask();
        createCart(cartMask);
        observer.clear();

        JsonPath answer = execute("""
                mutation Slow($cartMask: String!) {
                  cart(cartMask: $cartMask) {
                    first: addProducts(items: [{ sku: "simple-product-1", qty: 1 }]) { identifier }
                    second: updateItems(items: [{ sku: "simple-product-1", qty: 2 }]) { identifier }
                    third: addProducts(items: [{ sku: "simple-product-2", qty: 1 }]) { identifier }
                    fourth: removeProducts(skus: ["simple-product-1"]) { identifier }
                  }
                }
                """, Map.of("cartMask", cartMask));

        assertThat(observer.events()).containsExactly("start 0", "answer 0", "start 1", "answer 1", "start 2", "answer 2",
                "start 3", "answer 3");
        Map<String, Map<String, Object>> steps = answer.getMap("data.cart");
        assertThat(steps.keySet()).containsExactly("first", "second", "third", "fourth");
        List<String> identifiers = steps.values().stream().map(step -> (String) step.get("identifier")).toList();
        assertThat(database.inAcceptanceOrder(identifiers)).isEqualTo(identifiers);
    }
}

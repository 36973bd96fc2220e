package io.asyncstorefront.catalog;

import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.asyncstorefront.support.GraphQLClient.mutateAndAwait;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.GraphQLClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The catalog and the customers read a page at a time, with cursors, instead of stopping at a fixed count. */
@QuarkusTest
class CatalogPagesTest {

    private static final String PRODUCT_PAGE = """
            query Page($first: Int!, $after: String) {
              productPage(first: $first, after: $after) { nodes { sku } pageInfo { hasNextPage endCursor } }
            }
            """;
    private static final String CUSTOMER_PAGE = """
            query Page($first: Int!, $after: String) {
              customerPage(first: $first, after: $after) { nodes { email } pageInfo { hasNextPage endCursor } }
            }
            """;
    private static final String CREATE = """
            mutation Create($input: [CreateProductInput!]!) { createProducts(input: $input) { %s } }
            """.formatted(GraphQLClient.STATE_FIELDS);

    @Test
    void pagingThroughTheCatalogReadsEveryProductOnceInSkuOrderPastAHundred() {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int batch = 0; batch < 2; batch++) {
            int from = batch * 60;
            mutateAndAwait(CREATE, Map.of("input", IntStream.range(from, from + 60)
                    .mapToObj(i -> Map.of("sku", prefix + "%03d".formatted(i), "name", "Paged", "price", 1)).toList()));
        }

        List<String> read = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 7));
            variables.put("after", after);
            JsonPath page = execute(PRODUCT_PAGE, variables);
            assertThat(page.getList("errors")).isNull();
            read.addAll(page.getList("data.productPage.nodes.sku"));
            more = page.getBoolean("data.productPage.pageInfo.hasNextPage");
            after = page.getString("data.productPage.pageInfo.endCursor");
        }

        assertThat(read).isSorted().doesNotHaveDuplicates().hasSizeGreaterThan(120)
                .containsAll(IntStream.range(0, 120).mapToObj(i -> prefix + "%03d".formatted(i)).toList());
    }

    @Test
    void customersArePagedTheSameWay() {
        JsonPath first = execute(CUSTOMER_PAGE, Map.of("first", 1));
        JsonPath second = execute(CUSTOMER_PAGE, Map.of("first", 1,
                "after", first.getString("data.customerPage.pageInfo.endCursor")));

        assertThat(first.getList("data.customerPage.nodes.email")).hasSize(1);
        assertThat(second.getList("data.customerPage.nodes.email"))
                .isNotEqualTo(first.getList("data.customerPage.nodes.email"));
    }

    @Test
    void aCursorThatTheServiceDidNotGiveOrAPageSizeOutOfRangeIsRefusedByName() {
        JsonPath forged = execute(PRODUCT_PAGE, Map.of("first", 5, "after", "not-a-cursor"));
        JsonPath tooLarge = execute(PRODUCT_PAGE, Map.of("first", 101));
        String unstorable = Base64.getUrlEncoder().encodeToString("key:a\u0000b".getBytes(StandardCharsets.UTF_8));
        JsonPath withNul = execute(PRODUCT_PAGE, Map.of("first", 5, "after", unstorable));

        assertThat(forged.getString("errors[0].message"))
                .isEqualTo("after must be a cursor this service gave (pageInfo.endCursor)");
        assertThat(forged.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(forged.getString("errors[0].extensions.argument")).isEqualTo("after");
        assertThat(tooLarge.getString("errors[0].message")).isEqualTo("first must be 1 to 100; it is 101");
        assertThat(withNul.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(withNul.getString("errors[0].extensions.argument")).isEqualTo("after");
    }
}

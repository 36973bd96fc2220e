package io.asyncstorefront.catalog.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.catalog.view.ProductConnectionNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Products for the read API, each read one statement on a pooled connection of its own: the root fields of one
 * GraphQL request run concurrently, and a Hibernate Reactive session must not be shared between them.
 */
@ApplicationScoped
public class ProductQueries {

    private final Pool pool;

    public ProductQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ProductConnectionNode>> bySkus(List<String> skus) {
        return pool.preparedQuery("select sku, name, price from product where sku = any($1) order by sku")
                .execute(Tuple.of(skus.toArray(String[]::new))).map(ProductQueries::nodes);
    }

    /** Up to limit products after the SKU (from the first one when it is null), by the primary key's order. */
    public Uni<List<ProductConnectionNode>> after(String sku, int limit) {
        return pool
                .preparedQuery(
                        "select sku, name, price from product where $1::varchar is null or sku > $1 order by sku limit $2")
                .execute(Tuple.of(sku, limit)).map(ProductQueries::nodes);
    }

    private static List<ProductConnectionNode> nodes(RowSet<Row> rows) {
        List<ProductConnectionNode> nodes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            nodes.add(new ProductConnectionNode(row.getString("sku"), row.getString("name"), row.getBigDecimal("price")));
        }
        return nodes;
    }
}

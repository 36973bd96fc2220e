package io.asyncstorefront.customer.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.customer.view.CustomerConnectionNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Customers for the read API, each read one statement on a pooled connection of its own (see ProductQueries). */
@ApplicationScoped
public class CustomerQueries {

    private final Pool pool;

    public CustomerQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<CustomerConnectionNode>> byEmails(List<String> emails) {
        return pool.preparedQuery("select email, firstname, lastname from customer where email = any($1) order by email")
                .execute(Tuple.of(emails.toArray(String[]::new))).map(CustomerQueries::nodes);
    }

    /** Up to limit customers after the email (from the first one when it is null), by the unique index's order. */
    public Uni<List<CustomerConnectionNode>> after(String email, int limit) {
        return pool.preparedQuery(
                "select email, firstname, lastname from customer where $1::varchar is null or email > $1 order by email limit $2")
                .execute(Tuple.of(email, limit)).map(CustomerQueries::nodes);
    }

    private static List<CustomerConnectionNode> nodes(RowSet<Row> rows) {
        List<CustomerConnectionNode> nodes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            nodes.add(
                    new CustomerConnectionNode(row.getString("email"), row.getString("firstname"), row.getString("lastname")));
        }
        return nodes;
    }
}

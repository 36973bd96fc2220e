package io.asyncstorefront.operation.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.operation.state.OperationAccepted;
import io.asyncstorefront.operation.state.OperationInProgress;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reading operation states, for queue, for the answers of retries and cancellations, and for a batch's groups. */
@ApplicationScoped
public class OperationStates {

    /* By primary key; the result column holds the final state as written, so that reading it needs no join. */
    private static final String STATES = """
            select id, status, result from operation where id = any($1)
            """;

    private final OperationStateCodec codec;
    private final Pool pool;

    public OperationStates(OperationStateCodec codec, Pool pool) {
        this.codec = codec;
        this.pool = pool;
    }

    /**
     * The states of the given operations in request order, null for an unknown identifier; one statement, on a pooled
     * connection of its own, since the root fields of a GraphQL request run concurrently and must not share a session.
     */
    public Uni<List<OperationStateInterface>> states(List<String> identifiers) {
        List<String> wellFormed = identifiers.stream().filter(OperationIdentifiers::isWellFormed).distinct().toList();
        if (wellFormed.isEmpty()) {
            return Uni.createFrom().item(() -> new ArrayList<>(Collections.nCopies(identifiers.size(), null)));
        }
        return pool.preparedQuery(STATES).execute(Tuple.of(wellFormed.toArray(String[]::new))).map(rows -> {
            Map<String, OperationStateInterface> byId = new HashMap<>();
            for (Row row : rows) {
                byId.put(row.getString("id"), stateOf(row.getString("id"),
                        OperationStatus.valueOf(row.getString("status")), row.getString("result")));
            }
            List<OperationStateInterface> states = new ArrayList<>(identifiers.size());
            identifiers.forEach(identifier -> states.add(byId.get(identifier)));
            return states;
        });
    }

    private OperationStateInterface stateOf(String id, OperationStatus status, String result) {
        return switch (status) {
            case ACCEPTED -> new OperationAccepted(id);
            case IN_PROGRESS -> new OperationInProgress(id);
            case COMPLETED, FAILED, CANCELLED -> codec.read(result);
        };
    }
}

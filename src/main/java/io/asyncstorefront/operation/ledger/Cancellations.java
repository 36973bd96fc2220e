package io.asyncstorefront.operation.ledger;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.asyncstorefront.operation.state.OperationCancelled;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Cancelling operations that are not final yet, under the locks a batch that would apply them takes. */
@ApplicationScoped
public class Cancellations {

    /*
     * Operations not yet final become final as cancelled, and read nothing any more; final ones are left as they are.
     * The caller holds the progress locks of their aggregates, as a batch that applies them would.
     */
    private static final String CANCEL = """
            with r as (
                select * from json_to_recordset(cast(cast(:rows as text) as json)) as r(id varchar, result json)),
            cancelled as (
                update operation o set status = 'CANCELLED', result = cast(r.result as text), finished_at = clock_timestamp()
                from r
                where o.id = any(array(select id from r)) and o.id = r.id
                      and o.status not in (%1$s)
                returning o.id)
            delete from operation_read d where d.operation_id = any(array(select id from cancelled))
            """.formatted(OperationStatus.FINAL);

    private final BatchStatements batch;
    private final OperationStateCodec codec;

    public Cancellations(BatchStatements batch, OperationStateCodec codec) {
        this.batch = batch;
        this.codec = codec;
    }

    /**
     * Cancels the given operations that are not final yet: none of them is applied afterwards. A batch that applies one
     * of them meanwhile holds the locks taken here first, so either it applies the operation or this cancels it.
     */
    @WithTransaction
    public Uni<Void> cancel(List<String> identifiers) {
        List<String> wellFormed = identifiers.stream().filter(OperationIdentifiers::isWellFormed).distinct().toList();
        if (wellFormed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return batch.placesOf(wellFormed)
                .chain(places -> batch.lockProgress(places.values().stream()
                        .flatMap(of -> of.sequences().keySet().stream()).distinct()
                        .collect(Collectors.toMap(key -> key, key -> true)), true))
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(CANCEL)
                        .setParameter("rows", codec.finalRows(wellFormed.stream()
                                .map(id -> new FinalState(id, new OperationCancelled(id))).toList()))
                        .executeUpdate()))
                .replaceWithVoid();
    }
}

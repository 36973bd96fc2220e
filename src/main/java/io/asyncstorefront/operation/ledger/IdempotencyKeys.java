package io.asyncstorefront.operation.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.asyncstorefront.operation.command.IdempotencyClaim;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.persistence.JsonRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Idempotency keys: each names the operation first recorded under it, until the cleanup forgets it past the configured
 * window. A key is taken in the transaction that records its operation, so that a key that exists names an operation
 * that exists, and two requests with one key record one operation whichever replica takes them.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /*
     * Takes each key (with its step) for its operation unless another took it: a conflict waits for a transaction
     * that took the same key and has not committed yet, then answers the row as committed, which ON CONFLICT DO UPDATE
     * sees where a select of this statement would not (the update changes nothing). A key is taken over only once the
     * cleanup has forgotten it, so that the steps of a group expire together. Keys in order, so that two transactions
     * never wait for each other in a cycle. The rows travel as JSON; one row of JSON comes back. %s: the rows.
     */
    private static final String CLAIM = """
            with claimed as (
                insert into idempotency_key as k (scope, key, step, fingerprint, operation_id, created_at)
                select '', c.key, c.step, c.fingerprint, c.operation_id, now()
                from jsonb_to_recordset(cast(cast(%s as text) as jsonb))
                    as c(key varchar, step int, fingerprint varchar, operation_id varchar)
                order by c.key, c.step
                on conflict (scope, key, step) do update set fingerprint = k.fingerprint
                returning k.key, k.step, k.fingerprint, k.operation_id)
            select cast(coalesce(json_agg(json_build_array(key, step, fingerprint, operation_id)), '[]') as text)
            from claimed
            """;

    /* For InlineAcceptance, which runs it within the caller's Hibernate Reactive transaction. */
    static final String CLAIM_ON_SESSION = CLAIM.formatted(":claims");

    private static final String CLAIM_ON_POOL = CLAIM.formatted("$1");

    /*
     * The oldest keys past the window, a bounded number per run, by the index on created_at: a long backlog is worked
     * off run by run without one long transaction. Rows that a claim holds are left for the next run rather than waited
     * for.
     */
    private static final String FORGET_EXPIRED = """
            delete from idempotency_key k
            using (select scope, key, step from idempotency_key
                   where created_at < now() - make_interval(secs => $1)
                   order by created_at limit $2
                   for update skip locked) as old
            where k.scope = old.scope and k.key = old.key and k.step = old.step
            """;

    /** An operation to record under a key, with the identifier it will have. */
    public record Claimant(IdempotencyClaim claim, String operationId) {
    }

    private final OperationsConfig config;
    private final JsonRows jsonRows;
    private final Pool pool;

    public IdempotencyKeys(OperationsConfig config, JsonRows jsonRows, Pool pool) {
        this.config = config;
        this.jsonRows = jsonRows;
        this.pool = pool;
    }

    /**
     * Within the client's transaction: takes the claimants' keys, and answers for each, in order, nothing when its
     * operation is to be recorded, or what answers it instead.
     */
    Uni<List<Optional<Acceptance>>> claim(SqlClient client, List<Claimant> claimants) {
        return client.preparedQuery(CLAIM_ON_POOL).execute(Tuple.of(rowsOf(claimants)))
                .map(rows -> decide(claimants, rows.iterator().next().getString(0)));
    }

    /** Forgets up to cleanup-batch-size keys past the window; answers how many. */
    public Uni<Integer> forgetExpired() {
        return pool.preparedQuery(FORGET_EXPIRED)
                .execute(Tuple.of(windowSeconds(), config.idempotency().cleanupBatchSize()))
                .map(rows -> rows.rowCount());
    }

    /** One row per key and step: a group that names one key twice sends it once and compares both with its row. */
    String rowsOf(List<Claimant> claimants) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Claimant claimant : claimants) {
            rows.putIfAbsent(slot(claimant.claim().key(), claimant.claim().step()), Map.of(
                    "key", claimant.claim().key(), "step", claimant.claim().step(),
                    "fingerprint", claimant.claim().fingerprint(), "operation_id", claimant.operationId()));
        }
        return jsonRows.of(rows.values());
    }

    /** For each claimant, in order: nothing when its operation is to be recorded, or what answers it instead. */
    List<Optional<Acceptance>> decide(List<Claimant> claimants, String json) {
        Map<String, JsonNode> taken = new HashMap<>();
        jsonRows.read(json).forEach(row -> taken.put(slot(row.get(0).asText(), row.get(1).asInt()), row));
        List<Optional<Acceptance>> decisions = new ArrayList<>(claimants.size());
        for (Claimant claimant : claimants) {
            JsonNode row = taken.get(slot(claimant.claim().key(), claimant.claim().step()));
            if (row.get(3).asText().equals(claimant.operationId())) {
                decisions.add(Optional.empty());
            } else if (row.get(2).asText().equals(claimant.claim().fingerprint())) {
                decisions.add(Optional.of(new Acceptance.Replayed(row.get(3).asText())));
            } else {
                decisions.add(Optional.of(new Acceptance.KeyReused(claimant.claim().key())));
            }
        }
        return decisions;
    }

    private static String slot(String key, int step) {
        return step + ":" + key;
    }

    private double windowSeconds() {
        return Seconds.of(config.idempotency().window());
    }
}

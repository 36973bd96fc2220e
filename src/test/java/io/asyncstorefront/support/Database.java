package io.asyncstorefront.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Direct reads of the database, for assertions that nothing was written. */
@ApplicationScoped
public class Database {

    /* The connections that listen for state changes: an idle connection's last statement is its LISTEN. */
    private static final String STATE_LISTENERS = """
            from pg_stat_activity where datname = current_database() and query = 'listen operation_states'
            """;

    private final Pool pool;

    public Database(Pool pool) {
        this.pool = pool;
    }

    /** How many operations the ledger holds. */
    public long operations() {
        return single("select count(*) from operation").getLong(0);
    }

    /** How many carts exist. */
    public long carts() {
        return single("select count(*) from cart").getLong(0);
    }

    /**
     * Starts counting statements anew, once no operation is left unfinished: operations of earlier tests, which the
     * relay may still deliver, would otherwise be counted too.
     */
    public void resetStatementCounts() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> single(
                "select count(*) from operation where status in ('ACCEPTED', 'IN_PROGRESS')").getLong(0) == 0);
        pool.query("create extension if not exists pg_stat_statements").execute().await().indefinitely();
        pool.query("select pg_stat_statements_reset()").execute().await().indefinitely();
    }

    /** Starts counting statements anew at once, whatever is still unfinished. */
    public void resetStatementCountsNow() {
        pool.query("select pg_stat_statements_reset()").execute().await().indefinitely();
    }

    /**
     * How many statements ran since the last reset, but for transaction control and settings, the periodic queries of
     * the relay (they name next_attempt_at or min(accepted_at)) and of the idempotency key cleanup (created_at <
     * now()), and these counting queries.
     */
    public long statements() {
        return single("""
                select coalesce(sum(calls), 0) from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                and query !~* 'pg_stat_statements' and query !~* '^\\s*(begin|commit|rollback|set)\\M'
                and query !~* 'next_attempt_at' and query !~* 'min\\(accepted_at\\)'
                and query !~* 'created_at < now\\(\\)'
                and query !~* 'pg_try_advisory_xact_lock|operation_default|drop table if exists'
                """).getLong(0);
    }

    /**
     * Every statement that ran in this database since the last reset, transaction control included, as "calls × text",
     * but for the counting queries themselves; for a test whose service runs nothing on its own meanwhile.
     */
    public List<String> everyStatement() {
        List<String> statements = new ArrayList<>();
        pool.query("""
                select calls, query from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                and query !~* 'pg_stat_statements'
                order by query
                """).execute().await().indefinitely()
                .forEach(row -> statements.add(row.getLong(0) + " × " + row.getString(1)));
        return statements;
    }

    /** How many statements that name the table ran since the last reset (a batch of N binds counts N). */
    public long statementsOn(String table) {
        return single("""
                select coalesce(sum(calls), 0) from pg_stat_statements
                where query ~* ('\\m' || $1 || '\\M') and query !~* 'pg_stat_statements'
                """, table).getLong(0);
    }

    /** How many pages, of any table, the statements that name the table read since the last reset (cache or disk). */
    public long pagesReadBy(String table) {
        return single("""
                select coalesce(sum(shared_blks_hit + shared_blks_read), 0) from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                and query ~* ('\\m' || $1 || '\\M') and query !~* 'pg_stat_statements'
                """, table).getLong(0);
    }

    /**
     * Makes the table's statistics say that its pages hold no row and are all visible, as VACUUM ANALYZE leaves them
     * when every row was deleted; PostgreSQL plans its statements anew on them.
     */
    public void statisticsOfAnEmptiedTable(String table) {
        single("""
                with changed as (
                    update pg_class set reltuples = 0, relpages = greatest(pg_relation_size(oid) / 8192, 1),
                        relallvisible = case relkind when 'r' then greatest(pg_relation_size(oid) / 8192, 1) else 0 end
                    where oid = cast($1 as regclass)
                          or oid in (select indexrelid from pg_index where indrelid = cast($1 as regclass))
                    returning 1)
                select count(*) from changed
                """, table);
    }

    /** Puts off the relay's next look at the operations by an hour, so that only the test applies them. */
    public void postpone(List<String> identifiers) {
        single("""
                with postponed as (
                    update operation set next_attempt_at = now() + interval '1 hour' where id = any($1) returning 1)
                select count(*) from postponed
                """, (Object) identifiers.toArray(String[]::new));
    }

    /** The given operations in the order they were accepted. */
    public List<String> inAcceptanceOrder(List<String> identifiers) {
        return ids("select id from operation where id = any($1) order by accepted_sequence", identifiers);
    }

    /**
     * The given operations ordered by when they were finished; those finished in one transaction share a time and are
     * ordered as they were applied, in acceptance order (their results show it).
     */
    public List<String> inFinishingOrder(List<String> identifiers) {
        return ids("select id from operation where id = any($1) order by finished_at, accepted_sequence", identifiers);
    }

    private List<String> ids(String sql, List<String> identifiers) {
        List<String> ids = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of(identifiers.toArray(String[]::new))).await().indefinitely()
                .forEach(row -> ids.add(row.getString(0)));
        return ids;
    }

    /** The table that holds the operation: one of the ledger's time partitions, or its default partition. */
    public String partitionOf(String identifier) {
        return single("select tableoid::regclass::text from operation where id = $1", identifier).getString(0);
    }

    /** The ledger's time partitions, as LedgerPartitions names them. */
    public List<String> ledgerPartitions() {
        List<String> names = new ArrayList<>();
        pool.query("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'operation'::regclass and c.relname <> 'operation_default'
                """).execute().await().indefinitely().forEach(row -> names.add(row.getString(0)));
        return names;
    }

    /**
     * Cuts the connections that listen for operation state changes, as a database restart or a network fault would;
     * answers how many were cut.
     */
    public long cutStateListeners() {
        return single("select count(*) filter (where pg_terminate_backend(pid)) " + STATE_LISTENERS).getLong(0);
    }

    /**
     * Stops the backend process of the connection that listens for state changes (SIGSTOP), as a connection cut without a
     * word leaves it: it answers nothing and is not closed. Closing the answer lets it go on.
     */
    public AutoCloseable stallStateListener() throws Exception {
        String pid = single("select pid " + STATE_LISTENERS).getInteger(0).toString();
        signal("STOP", pid);
        return () -> signal("CONT", pid);
    }

    private static void signal(String signal, String pid) throws Exception {
        if (new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** How many connections listen for operation state changes. */
    public long stateListeners() {
        return single("select count(*) " + STATE_LISTENERS).getLong(0);
    }

    /**
     * The payloads notified on the ledger's channel while the action ran, heard on a connection of the test's own: a
     * marker notified afterwards arrives after every notice committed before it, so none is missed.
     */
    public List<String> stateNoticesDuring(Runnable action) {
        List<String> heard = new CopyOnWriteArrayList<>();
        PgConnection listening = pool.getConnection().map(PgConnection::cast).await().indefinitely();
        try {
            listening.notificationHandler(notice -> heard.add(notice.getPayload()));
            listening.query("listen operation_states").execute().await().indefinitely();
            action.run();
            execute("select pg_notify('operation_states', 'marker')");
            await().atMost(Duration.ofSeconds(60)).until(() -> heard.contains("marker"));
            return heard.subList(0, heard.indexOf("marker"));
        } finally {
            listening.query("unlisten *").execute().await().indefinitely();
            listening.closeAndForget();
        }
    }

    /** Runs a statement of the test's own, such as a trigger that makes the database refuse some rows. */
    public void execute(String sql) {
        pool.query(sql).execute().await().indefinitely();
    }

    public Row single(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely().iterator().next();
    }
}

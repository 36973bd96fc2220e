package io.asyncstorefront.operation.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ledger's time partitions (V13): the operations, and their places, of one span of issue times each. Retention
 * creates them ahead of time and forgets expired ones whole; the default partition holds what no partition covers and
 * is forgotten row by row. Each step runs in its own transaction on a pooled connection, under a transaction-level
 * advisory lock, so that instances that run it at once take turns and each step finds the partitions as they are.
 */
@ApplicationScoped
public class LedgerPartitions {

    /* One key for every instance's retention steps; a step that cannot take it leaves the work to the holder. */
    private static final String TAKE_TURN = """
            select pg_try_advisory_xact_lock(7260211839214711)
            """;

    /*
     * The ranges of the operation partitions, and on the default partition's row the newest identifier it holds (by
     * its primary key).
     */
    private static final String PARTITIONS = """
            select c.relname, pg_get_expr(c.relpartbound, c.oid),
                   case when c.relname = 'operation_default' then (select max(id) from operation_default) end
            from pg_inherits i join pg_class c on c.oid = i.inhrelid
            where i.inhparent = 'operation'::regclass
            """;

    /* Partitions detached by a purge that stopped before it dropped them. */
    private static final String DETACHED = """
            select relname from pg_class
            where relkind = 'r' and not relispartition and relname ~ '^operation(_aggregate)?_p[0-9]{8}t[0-9]{6}$'
            """;

    /*
     * A new partition is created apart and then attached: attaching takes a lock on the ledger that lets accepting and
     * processing go on (CREATE TABLE ... PARTITION OF would stop them), and scans only the default partition, for rows
     * of the new range.
     */
    private static final String CREATE = """
            create table %1$s (like %2$s including defaults including constraints)
            """;

    private static final String ATTACH = """
            alter table %1$s attach partition %2$s for values from ('%3$s') to ('%4$s')
            """;

    /*
     * Attaching and detaching wait at most this long for accepting and processing to let go of the tables they lock:
     * those queue behind the wait, and giving up is cheap, as the next run tries again.
     */
    private static final String LOCK_TIMEOUT = """
            select set_config('lock_timeout', $1, true)
            """;

    /* Both tables at once, in the order in which accepting writes them, so that the purge waits in one place. */
    private static final String LOCK_LEDGER = """
            lock table operation, operation_aggregate in access exclusive mode
            """;

    private static final String DETACH = """
            alter table %1$s detach partition %2$s
            """;

    /*
     * What a detached partition must keep, put back into the ledger, where the default partition takes it: its
     * operations not final; the preceding steps of unfinished steps (by their partial index), which the processor reads
     * to decide whether a step may be applied; operations with a dead letter younger than $3 seconds. Dead letters of
     * the rest go with them. A final operation goes even where a later one of its aggregate is not final: the processor
     * reads an aggregate's operations by place and passes over places that hold none, as it does for the places that
     * retried operations leave (DeadLetterRetries). Each part reads only what it keeps, so the ledger is held for as long
     * as the kept operations take to copy. $1, $2: the partition's range.
     */
    private static final String KEEP = """
            with kept as (
                select id from %1$s where status in ('ACCEPTED', 'IN_PROGRESS')
                union
                select preceding_step from %1$s where status in ('ACCEPTED', 'IN_PROGRESS') and preceding_step >= $1
                                                      and preceding_step < $2
                union
                select preceding_step from operation where status in ('ACCEPTED', 'IN_PROGRESS')
                                                       and preceding_step >= $1 and preceding_step < $2
                union
                select operation_id from operation_dead_letter
                where operation_id >= $1 and operation_id < $2 and failed_at > now() - make_interval(secs => $3)),
            operations as (
                insert into operation select o.* from %1$s o where o.id in (select id from kept)),
            places as (
                insert into operation_aggregate select a.* from %2$s a where a.operation_id in (select id from kept)),
            letters as (
                delete from operation_dead_letter
                where operation_id >= $1 and operation_id < $2 and operation_id not in (select id from kept))
            select count(*) from kept
            """;

    private static final String DROP = """
            drop table if exists %1$s
            """;

    /*
     * The default partition, row by row: final operations accepted before $1 and final for $2 seconds, that retention
     * would not keep (as above: no unfinished step after them, no dead letter younger than $3 seconds), oldest first
     * by primary key, at most $4 of them, locked so that no retry
     * reopens one meanwhile. Each check is a lookup per candidate. It holds only what no partition covered: the ledger
     * from before partitions, operations that outlived theirs.
     */
    private static final String FORGET_DEFAULT = """
            with doomed as (
                select o.id from operation_default o
                where o.id < $1 and o.status not in ('ACCEPTED', 'IN_PROGRESS')
                      and o.finished_at < now() - make_interval(secs => $2)
                      and not exists (select 1 from operation u
                                      where u.preceding_step = o.id and u.status in ('ACCEPTED', 'IN_PROGRESS'))
                      and not exists (select 1 from operation_dead_letter d
                                      where d.operation_id = o.id and d.failed_at > now() - make_interval(secs => $3))
                order by o.id limit $4
                for update of o skip locked),
            places as (
                delete from operation_aggregate_default a using doomed where a.operation_id = doomed.id),
            letters as (
                delete from operation_dead_letter d using doomed where d.operation_id = doomed.id)
            delete from operation_default o using doomed where o.id = doomed.id
            """;

    private static final Pattern RANGE = Pattern.compile("FROM \\('([0-9a-f]{12})[0-9a-f]*'\\) TO \\('([0-9a-f]{12})");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMMdd't'HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final int ID_TAIL = 28;

    private final Pool pool;

    public LedgerPartitions(Pool pool) {
        this.pool = pool;
    }

    /** One partition: the operations issued from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Partition(String suffix, Instant from, Instant to) {

        String operations() {
            return "operation_" + suffix;
        }

        String places() {
            return "operation_aggregate_" + suffix;
        }

        String fromId() {
            return boundOf(from);
        }

        String toId() {
            return boundOf(to);
        }
    }

    /**
     * What a purge did: the partition it forgot, how many of its operations it kept, and how long it held the ledger
     * (from the lock's grant to the commit) and took in all (the wait for the lock and the drop included).
     */
    public record Forgotten(Partition partition, long kept, Duration held, Duration took) {
    }

    /**
     * Creates partitions, aligned to {@code span}, until they cover the time up to {@code until}; answers how many it
     * created. A new partition starts at least {@code margin} from now, and after every row of the default partition: an
     * insert routed to the default partition before the partition was attached would break its new constraint, so no
     * identifier issued until then may fall in the range. The time before the first partition stays in the default
     * partition. Attaching locks the default partitions, which a batch reads in the other order than accepting writes
     * them, so it waits at most {@code lockTimeout} for them and leaves the rest to the next run, rather than end in a
     * deadlock that PostgreSQL would resolve by failing a request.
     */
    public Uni<Integer> createUntil(Instant until, Duration span, Duration margin, Duration lockTimeout) {
        return inTurn(connection -> connection.preparedQuery(LOCK_TIMEOUT).execute(Tuple.of(lockTimeout.toMillis() + "ms"))
                .chain(() -> connection.query(PARTITIONS).execute()).chain(rows -> {
                    List<Partition> partitions = new ArrayList<>();
                    String newestInDefault = null;
                    for (var row : rows) {
                        parse(row.getString(0), row.getString(1)).ifPresent(partitions::add);
                        if (row.getString(2) != null) {
                            newestInDefault = row.getString(2);
                        }
                    }
                    return create(connection, partitions, newestInDefault, until, span, margin);
                }), 0);
    }

    private Uni<Integer> create(SqlConnection connection, List<Partition> existing, String newestInDefault,
            Instant until, Duration span, Duration margin) {
        long spanMillis = span.toMillis();
        long start = System.currentTimeMillis() + margin.toMillis();
        for (Partition partition : existing) {
            start = Math.max(start, partition.to().toEpochMilli());
        }
        if (newestInDefault != null) {
            start = Math.max(start, Long.parseLong(newestInDefault.substring(0, 12), 16) + 1);
        }
        start = Math.floorDiv(start + 999, 1000) * 1000;
        List<Partition> created = new ArrayList<>();
        for (long from = start; from < until.toEpochMilli();) {
            long to = (Math.floorDiv(from, spanMillis) + 1) * spanMillis;
            Instant at = Instant.ofEpochMilli(from);
            created.add(new Partition(NAME.format(at), at, Instant.ofEpochMilli(to)));
            from = to;
        }
        Uni<Void> steps = Uni.createFrom().voidItem();
        for (Partition partition : created) {
            steps = steps
                    .chain(() -> run(connection, CREATE.formatted(partition.operations(), "operation")))
                    .chain(() -> run(connection, ATTACH.formatted("operation", partition.operations(),
                            partition.fromId(), partition.toId())))
                    .chain(() -> run(connection, CREATE.formatted(partition.places(), "operation_aggregate")))
                    .chain(() -> run(connection, ATTACH.formatted("operation_aggregate", partition.places(),
                            partition.fromId(), partition.toId())));
        }
        return steps.replaceWith(created.size());
    }

    /**
     * Forgets the oldest partition that ends before {@code before}, if there is one, keeping what retention must keep
     * (operations not final, preceding steps of unfinished steps, dead letters younger than {@code deadLetterPeriod}) in the
     * default partition. Waits at most {@code lockTimeout} for accepting and processing to let go of the ledger, and
     * holds it for as long as the kept operations take to copy.
     */
    public Uni<Optional<Forgotten>> forgetOldest(Instant before, Duration deadLetterPeriod, Duration lockTimeout) {
        long started = System.nanoTime();
        long[] locked = new long[1];
        return inTurn(connection -> connection.query(PARTITIONS).execute().chain(rows -> {
            Partition oldest = null;
            for (var row : rows) {
                Partition partition = parse(row.getString(0), row.getString(1)).orElse(null);
                if (partition != null && !partition.to().isAfter(before)
                        && (oldest == null || partition.from().isBefore(oldest.from()))) {
                    oldest = partition;
                }
            }
            if (oldest == null) {
                return Uni.createFrom().item(Optional.<Forgotten> empty());
            }
            Partition partition = oldest;
            return connection.preparedQuery(LOCK_TIMEOUT).execute(Tuple.of(lockTimeout.toMillis() + "ms"))
                    .chain(() -> run(connection, LOCK_LEDGER))
                    .invoke(() -> locked[0] = System.nanoTime())
                    .chain(() -> run(connection, DETACH.formatted("operation", partition.operations())))
                    .chain(() -> run(connection, DETACH.formatted("operation_aggregate", partition.places())))
                    .chain(() -> connection.preparedQuery(KEEP.formatted(partition.operations(), partition.places()))
                            .execute(Tuple.of(partition.fromId(), partition.toId(), seconds(deadLetterPeriod))))
                    .map(kept -> Optional.of(new Forgotten(partition, kept.iterator().next().getLong(0), null, null)));
        }), Optional.<Forgotten> empty()).chain(forgotten -> {
            if (forgotten.isEmpty()) {
                return Uni.createFrom().item(forgotten);
            }
            Duration held = Duration.ofNanos(System.nanoTime() - locked[0]);
            Partition partition = forgotten.get().partition();
            return drop(List.of(partition.operations(), partition.places())).map(dropped -> Optional.of(
                    new Forgotten(partition, forgotten.get().kept(), held, Duration.ofNanos(System.nanoTime() - started))));
        });
    }

    /** Drops partitions that a purge detached but did not drop, when it stopped in between. */
    public Uni<Integer> dropDetached() {
        return pool.query(DETACHED).execute().chain(rows -> {
            List<String> names = new ArrayList<>();
            rows.forEach(row -> names.add(row.getString(0)));
            return drop(names).replaceWith(names.size());
        });
    }

    /**
     * Deletes, from the default partition, at most {@code limit} final operations accepted before {@code before} and
     * final for {@code period}, that retention would not keep; answers how many.
     */
    public Uni<Integer> forgetFromDefault(Instant before, Duration period, Duration deadLetterPeriod, int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery(FORGET_DEFAULT).execute(Tuple.of(
                boundOf(before), seconds(period), seconds(deadLetterPeriod), limit))).map(RowSet::rowCount);
    }

    /** The lowest identifier issued at {@code at}: identifiers begin with their time of issue in 12 hex digits. */
    static String boundOf(Instant at) {
        return "%012x".formatted(at.toEpochMilli()) + "0".repeat(ID_TAIL);
    }

    static Optional<Partition> parse(String name, String bound) {
        Matcher matcher = RANGE.matcher(bound == null ? "" : bound);
        if (!name.startsWith("operation_") || !matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new Partition(name.substring("operation_".length()),
                Instant.ofEpochMilli(Long.parseLong(matcher.group(1), 16)),
                Instant.ofEpochMilli(Long.parseLong(matcher.group(2), 16))));
    }

    private Uni<Void> drop(List<String> tables) {
        Uni<Void> steps = Uni.createFrom().voidItem();
        for (String table : tables) {
            steps = steps.chain(() -> pool.query(DROP.formatted(table)).execute().replaceWithVoid());
        }
        return steps;
    }

    /** Runs {@code work} in a transaction that holds the retention's turn, or answers {@code otherwise} at once. */
    private <T> Uni<T> inTurn(Function<SqlConnection, Uni<T>> work, T otherwise) {
        return pool.withTransaction(connection -> connection.query(TAKE_TURN).execute()
                .chain(turn -> turn.iterator().next().getBoolean(0) ? work.apply(connection)
                        : Uni.createFrom().item(otherwise)));
    }

    private static Uni<Void> run(SqlConnection connection, String statement) {
        return connection.query(statement).execute().replaceWithVoid();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}

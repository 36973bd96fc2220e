package io.asyncstorefront.operation.ledger;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Hears the identifiers of operations whose status changed, whichever instance committed the change: the ledger notifies
 * them on commit (migration V15). Listens on a pooled connection of its own, taken on first use and kept; a lost
 * connection is taken again, and whoever hears is told that notices may have been missed meanwhile.
 */
@ApplicationScoped
public class StateNotices {

    private static final Logger LOG = Logger.getLogger(StateNotices.class);
    /* The channel that the ledger's trigger notifies; listening lasts as long as the session. */
    private static final String LISTEN = "listen operation_states";
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final Pool pool;
    private Consumer<List<String>> heard;
    private Runnable resumed;
    private PgConnection connection;
    private boolean started;
    private volatile boolean stopped;

    public StateNotices(Pool pool) {
        this.pool = pool;
    }

    /**
     * Starts listening, once: {@code heard} gets the identifiers of each notice, {@code resumed} runs each time listening
     * starts or starts again, after which what was committed while nobody listened must be read.
     */
    public synchronized void listen(Consumer<List<String>> heard, Runnable resumed) {
        if (started) {
            return;
        }
        started = true;
        this.heard = heard;
        this.resumed = resumed;
        connect(FIRST_RETRY);
    }

    private void connect(Duration nextRetry) {
        if (stopped) {
            return;
        }
        pool.getConnection().map(PgConnection::cast).chain(pg -> {
            pg.notificationHandler(notice -> heard.accept(Arrays.asList(notice.getPayload().split(","))));
            pg.closeHandler(() -> lost(pg));
            return pg.query(LISTEN).execute().replaceWith(pg).onFailure().call(pg::close);
        }).subscribe().with(pg -> {
            synchronized (this) {
                connection = pg;
            }
            if (stopped) {
                pg.closeAndForget();
                return;
            }
            resumed.run();
        }, failure -> {
            if (!stopped) {
                LOG.warnf("Cannot listen for operation state changes, trying again in %d ms: %s",
                        nextRetry.toMillis(), failure.toString());
                retry(nextRetry);
            }
        });
    }

    private void lost(PgConnection pg) {
        synchronized (this) {
            if (connection != pg) {
                return;
            }
            connection = null;
        }
        if (!stopped) {
            LOG.warn("The connection that listens for operation state changes was lost; listening again");
            retry(FIRST_RETRY);
        }
    }

    private void retry(Duration wait) {
        Duration next = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
        Uni.createFrom().voidItem().onItem().delayIt().by(wait).subscribe().with(ignored -> connect(next));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        PgConnection pg;
        synchronized (this) {
            pg = connection;
            connection = null;
        }
        if (pg != null) {
            pg.closeAndForget();
        }
    }
}

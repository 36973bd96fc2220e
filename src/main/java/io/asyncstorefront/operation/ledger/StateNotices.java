package io.asyncstorefront.operation.ledger;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.asyncstorefront.operation.config.OperationsConfig;
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

    /* Answered at once by a live connection; a connection that no longer answers is taken again. */
    private static final String CHECK = "select 1";
    /* A connection given up on and answering after all goes back to the pool listening to nothing. */
    private static final String UNLISTEN = "unlisten *";

    private final Pool pool;
    private final Duration check;
    private Consumer<List<String>> heard;
    private Runnable resumed;
    private PgConnection connection;
    private boolean started;
    private volatile boolean stopped;

    public StateNotices(Pool pool, OperationsConfig config) {
        this.pool = pool;
        this.check = config.follow().listenCheck();
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
            checkLater(pg);
        }, failure -> {
            if (!stopped) {
                LOG.warnf("Cannot listen for operation state changes, trying again in %d ms: %s",
                        nextRetry.toMillis(), failure.toString());
                retry(nextRetry);
            }
        });
    }

    /**
     * Checks the listening connection now and then. One that does not answer in time is given up and another taken; it
     * is not closed, since closing would hand a dead connection back to the pool: should it answer later, it stops
     * listening and goes back then.
     */
    private void checkLater(PgConnection pg) {
        Uni.createFrom().voidItem().onItem().delayIt().by(check).subscribe().with(ignored -> {
            if (!isListening(pg)) {
                return;
            }
            AtomicBoolean settled = new AtomicBoolean();
            pg.query(CHECK).execute().subscribe().with(answer -> {
                if (!settled.getAndSet(true)) {
                    checkLater(pg);
                } else {
                    pg.query(UNLISTEN).execute().subscribe().with(done -> pg.closeAndForget(),
                            failure -> pg.closeAndForget());
                }
            }, failure -> {
                if (!settled.getAndSet(true) && giveUp(pg)) {
                    LOG.warnf("The check of the connection that listens for operation state changes failed; "
                            + "listening again: %s", failure.toString());
                    pg.closeAndForget();
                    retry(FIRST_RETRY);
                }
            });
            Uni.createFrom().voidItem().onItem().delayIt().by(check).subscribe().with(late -> {
                if (!settled.getAndSet(true) && giveUp(pg)) {
                    LOG.warnf("The connection that listens for operation state changes did not answer its check "
                            + "within %d ms; listening on another", check.toMillis());
                    retry(FIRST_RETRY);
                }
            });
        });
    }

    private synchronized boolean isListening(PgConnection pg) {
        return connection == pg && !stopped;
    }

    /** Forgets the connection if it is still the one listening; answers whether it was. */
    private synchronized boolean giveUp(PgConnection pg) {
        if (connection != pg || stopped) {
            return false;
        }
        connection = null;
        return true;
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

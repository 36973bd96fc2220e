package io.asyncstorefront.operation.follow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.asyncstorefront.error.ClientException;
import io.asyncstorefront.error.ErrorCode;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.ledger.OperationStates;
import io.asyncstorefront.operation.ledger.StateNotices;
import io.asyncstorefront.operation.metrics.OperationMetrics;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Tells those who follow operations (subscriptions, requests that wait) each state their operations reach, from what the
 * ledger committed: its notices name the operations that changed, and one read at a time fetches the states of those
 * followed here, however many follow them. Nothing waits on a thread, and nothing reads again for one follower.
 */
@ApplicationScoped
@Startup // so that its metric is served before anything is followed
public class OperationFollowers {

    private static final Logger LOG = Logger.getLogger(OperationFollowers.class);
    /** The most identifiers one read asks for. */
    private static final int READ_SIZE = 1000;
    private static final Duration READ_RETRY = Duration.ofSeconds(1);

    private final OperationStates states;
    private final StateNotices notices;
    private final OperationsConfig config;
    private final Map<String, Set<Follower>> byOperation = new ConcurrentHashMap<>();
    private final AtomicInteger followed = new AtomicInteger();
    private final Set<String> unread = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean reading = new AtomicBoolean();

    public OperationFollowers(OperationStates states, StateNotices notices, OperationsConfig config,
            OperationMetrics metrics) {
        this.states = states;
        this.notices = notices;
        this.config = config;
        metrics.following(followed);
    }

    /**
     * Each state of the given operations from now on: first the current one, then every later one as it commits, and
     * OperationUnknown once for an identifier that names no operation; completes once every operation has ended. Fails
     * at once when this instance follows as many operations as it may.
     */
    public Multi<OperationStateInterface> follow(List<String> identifiers) {
        if (identifiers.isEmpty()) {
            return Multi.createFrom().empty();
        }
        // Bounded by construction: an operation passes through at most four states, so the buffer holds no more.
        return Multi.createFrom().emitter(emitter -> {
            Follower follower = new Follower(identifiers) {
                @Override
                void reached(OperationStateInterface state) {
                    emitter.emit(state);
                }

                @Override
                void ended() {
                    emitter.complete();
                }
            };
            if (!admit(follower)) {
                emitter.fail(beyondLimit());
                return;
            }
            emitter.onTermination(() -> release(follower));
            start(follower);
        }, BackPressureStrategy.BUFFER);
    }

    /**
     * The operation's final state once it commits, if that is within {@code wait}, else {@code current}; also
     * {@code current}, at once, when this instance follows as many operations as it may. Runs {@code waiting} unless
     * that is why it answers.
     */
    public Uni<OperationStateInterface> finalStateWithin(OperationStateInterface current, Duration wait,
            Runnable waiting) {
        if (Follower.isFinal(current)) {
            waiting.run();
            return Uni.createFrom().item(current);
        }
        Context caller = Vertx.currentContext();
        Uni<OperationStateInterface> answer = Uni.createFrom().<OperationStateInterface> emitter(emitter -> {
            Follower follower = new Follower(List.of(current.getIdentifier())) {
                @Override
                void reached(OperationStateInterface state) {
                    if (isFinal(state)) {
                        emitter.complete(state);
                    }
                }

                @Override
                void ended() {
                    // reached() has answered
                }
            };
            if (!admit(follower)) {
                emitter.complete(current);
                return;
            }
            emitter.onTermination(() -> release(follower));
            waiting.run();
            start(follower);
        }).ifNoItem().after(wait).recoverWithItem(current);
        // The state is read, or the wait runs out, on another thread: the request goes on on its own context.
        return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private boolean admit(Follower follower) {
        int count = follower.identifiers().size();
        if (followed.addAndGet(count) > config.follow().maxOperations()) {
            followed.addAndGet(-count);
            return false;
        }
        return true;
    }

    private ClientException beyondLimit() {
        return new ClientException(ErrorCode.UNAVAILABLE, "This instance follows as many operations as it may ("
                + config.follow().maxOperations() + "); subscribe again later, or follow them with the queue query",
                null, config.follow().maxOperations());
    }

    /** Follows from the current states: listening first, so that nothing committed after the read goes unheard. */
    private void start(Follower follower) {
        notices.listen(this::changed, this::resumed);
        for (String identifier : follower.identifiers()) {
            // Added within compute, so that a release emptying the set meanwhile cannot drop it from the map.
            byOperation.compute(identifier, (id, set) -> {
                Set<Follower> following = set == null ? ConcurrentHashMap.newKeySet() : set;
                following.add(follower);
                return following;
            });
        }
        read(follower.identifiers());
    }

    private void release(Follower follower) {
        if (!follower.release()) {
            return;
        }
        followed.addAndGet(-follower.identifiers().size());
        for (String identifier : follower.identifiers()) {
            byOperation.computeIfPresent(identifier, (id, set) -> {
                set.remove(follower);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** A notice: the operations that changed, of which those followed here are read. */
    private void changed(List<String> identifiers) {
        List<String> followedHere = identifiers.stream().filter(byOperation::containsKey).toList();
        if (!followedHere.isEmpty()) {
            read(followedHere);
        }
    }

    /** Listening started again: whatever changed meanwhile went unheard, so every followed operation is read. */
    private void resumed() {
        read(byOperation.keySet());
    }

    /** Reads the given operations' states, with whatever else waits to be read, one read at a time. */
    private void read(Collection<String> identifiers) {
        unread.addAll(identifiers);
        if (!reading.compareAndSet(false, true)) {
            return; // the read under way reads them next
        }
        List<String> round = new ArrayList<>(Math.min(unread.size(), READ_SIZE));
        for (String identifier : unread) {
            if (round.size() == READ_SIZE) {
                break;
            }
            unread.remove(identifier);
            if (byOperation.containsKey(identifier)) { // else no longer followed
                round.add(identifier);
            }
        }
        if (round.isEmpty()) {
            next();
            return;
        }
        states.states(round).subscribe().with(found -> {
            try {
                for (int i = 0; i < round.size(); i++) {
                    Set<Follower> following = byOperation.get(round.get(i));
                    if (following != null) {
                        for (Follower follower : following) {
                            offer(follower, round.get(i), found.get(i));
                        }
                    }
                }
            } finally {
                next(); // whatever a follower did, the next read must run
            }
        }, failure -> {
            LOG.warnf("Reading the states of %d followed operations failed; trying again in %d ms: %s", round.size(),
                    READ_RETRY.toMillis(), failure.toString());
            unread.addAll(round);
            Uni.createFrom().voidItem().onItem().delayIt().by(READ_RETRY).subscribe().with(ignored -> next());
        });
    }

    private static void offer(Follower follower, String identifier, OperationStateInterface state) {
        try {
            follower.offer(identifier, state);
        } catch (RuntimeException failure) {
            LOG.warnf("A follower of operation %s failed to take its state: %s", identifier, failure.toString());
        }
    }

    private void next() {
        reading.set(false);
        if (!unread.isEmpty()) {
            read(List.of());
        }
    }
}

package io.asyncstorefront.operation.follow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.asyncstorefront.operation.state.OperationAccepted;
import io.asyncstorefront.operation.state.OperationInProgress;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.OperationUnknown;

/**
 * One subscription or waiting request: told each operation's state once per change, in the order read, and that it has
 * ended once each of its operations is final or unknown.
 */
abstract class Follower {

    private final List<String> identifiers;
    private final Map<String, Class<?>> told = new HashMap<>();
    private int unfinished;
    private boolean released;

    Follower(List<String> identifiers) {
        this.identifiers = identifiers.stream().distinct().toList();
        this.unfinished = this.identifiers.size();
    }

    static boolean isFinal(OperationStateInterface state) {
        return !(state instanceof OperationAccepted || state instanceof OperationInProgress);
    }

    List<String> identifiers() {
        return identifiers;
    }

    /** The operation's state as read, null if none has the identifier; told on if it changed. */
    synchronized void offer(String identifier, OperationStateInterface state) {
        OperationStateInterface reached = state == null ? new OperationUnknown(identifier) : state;
        Class<?> previous = told.get(identifier);
        if (previous == reached.getClass() || (previous != null && isFinal(previous))) {
            return; // no change, or already ended: a retried dead letter starts again, but not for this follower
        }
        told.put(identifier, reached.getClass());
        reached(reached);
        if (isFinal(reached) && --unfinished == 0) {
            ended();
        }
    }

    private static boolean isFinal(Class<?> told) {
        return told != OperationAccepted.class && told != OperationInProgress.class;
    }

    /** Once only: whether this call released it. */
    synchronized boolean release() {
        boolean first = !released;
        released = true;
        return first;
    }

    abstract void reached(OperationStateInterface state);

    abstract void ended();
}

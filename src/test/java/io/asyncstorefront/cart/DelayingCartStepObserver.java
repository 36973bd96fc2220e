package io.asyncstorefront.cart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.asyncstorefront.cart.api.CartStepObserver;
import io.smallrye.mutiny.Uni;

/** Delays each step of a group by the next of the given times, and records when steps start and answer. */
@Alternative
@Singleton
public class DelayingCartStepObserver implements CartStepObserver {

    static final List<Duration> DELAYS = List.of(Duration.ofMillis(600), Duration.ofMillis(500), Duration.ofMillis(200),
            Duration.ofMillis(150));

    private final List<String> events = new ArrayList<>();

    @Override
    public Uni<Void> starting(String cartMask, int index, String step) {
        record("start " + index);
        return Uni.createFrom().voidItem().onItem().delayIt().by(DELAYS.get(index % DELAYS.size()));
    }

    @Override
    public void finished(String cartMask, int index, String step) {
        record("answer " + index);
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized void clear() {
        events.clear();
    }

    private synchronized void record(String event) {
        events.add(event);
    }
}

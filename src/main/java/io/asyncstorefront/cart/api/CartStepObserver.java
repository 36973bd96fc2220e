package io.asyncstorefront.cart.api;

import io.smallrye.mutiny.Uni;

/** Sees the steps of ordered cart groups start and answer, in the order they run. */
public interface CartStepObserver {

    /** Called before the step runs; the step waits for the answer. */
    Uni<Void> starting(String cartMask, int index, String step);

    void finished(String cartMask, int index, String step);
}

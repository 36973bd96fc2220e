package io.asyncstorefront.cart.api;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** Logs each step at debug level; another CartStepObserver bean replaces it. */
@DefaultBean
@ApplicationScoped
class LoggingCartStepObserver implements CartStepObserver {

    private static final Logger LOG = Logger.getLogger(LoggingCartStepObserver.class);

    @Override
    public Uni<Void> starting(String cartMask, int index, String step) {
        LOG.debugf("Cart %s, step %d (%s) starts", cartMask, index, step);
        return Uni.createFrom().voidItem();
    }

    @Override
    public void finished(String cartMask, int index, String step) {
        LOG.debugf("Cart %s, step %d (%s) answered", cartMask, index, step);
    }
}

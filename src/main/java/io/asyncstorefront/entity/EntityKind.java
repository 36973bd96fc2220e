package io.asyncstorefront.entity;

import java.util.List;

import io.asyncstorefront.operation.command.Outcome;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.state.OperationStateInterface;

/**
 * Entities of one kind known by a unique key, such as products by SKU, as the shared batch handlers see them: where
 * they are stored, and how their reports and results read.
 *
 * @param <N> an entity as a plain value
 */
public interface EntityKind<N> {

    EntityStore<N> store();

    FailureReportInterface alreadyExists(String key, int inputIndex);

    FailureReportInterface missing(String key, int inputIndex);

    FailureReportInterface stillReferenced(String key, int inputIndex);

    /** A command's final state, holding the entities as the command left them (deleted ones as they were). */
    Outcome completed(List<N> entities);

    Class<? extends OperationStateInterface> completedState();
}

package io.asyncstorefront.operation.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.operation.api.InvalidInputException;
import io.asyncstorefront.operation.command.BatchCommand;
import io.asyncstorefront.operation.command.Command;
import io.asyncstorefront.operation.command.CommandHandler;
import io.asyncstorefront.operation.command.CommandRegistry;
import io.asyncstorefront.operation.command.IdempotencyClaim;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.operation.follow.OperationFollowers;
import io.asyncstorefront.operation.ledger.Acceptance;
import io.asyncstorefront.operation.ledger.InlineAcceptance;
import io.asyncstorefront.operation.ledger.NewOperation;
import io.asyncstorefront.operation.ledger.OperationIdentifiers;
import io.asyncstorefront.operation.ledger.OperationStates;
import io.asyncstorefront.operation.metrics.OperationMetrics;
import io.asyncstorefront.operation.processing.OperationProcessor;
import io.asyncstorefront.operation.state.OperationAccepted;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.trace.OperationTraces;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The single entry of every mutation: records the command in the ledger, then either hands it to the broker (async) or
 * applies it at once (sync). Both answer with an operation state, so clients work the same in either mode.
 */
@ApplicationScoped
public class OperationDispatcher {

    private final CommandRegistry registry;
    private static final Logger LOG = Logger.getLogger(OperationDispatcher.class);

    private final AcceptGroups groups;
    private final InlineAcceptance inline;
    private final OperationStates states;
    private final OperationProcessor processor;
    private final OperationsConfig config;
    private final ObjectMapper mapper;
    private final OperationMetrics metrics;
    private final IdempotencyKeySource keys;
    private final OperationTraces traces;
    private final WaitPreference waits;
    private final OperationFollowers followers;

    public OperationDispatcher(CommandRegistry registry, AcceptGroups groups, InlineAcceptance inline,
            OperationStates states, OperationProcessor processor, OperationsConfig config, ObjectMapper mapper,
            OperationMetrics metrics, IdempotencyKeySource keys, OperationTraces traces, WaitPreference waits,
            OperationFollowers followers) {
        this.keys = keys;
        this.traces = traces;
        this.waits = waits;
        this.followers = followers;
        this.registry = registry;
        this.groups = groups;
        this.inline = inline;
        this.states = states;
        this.processor = processor;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /**
     * Records the command and answers its operation state; a batch beyond its limits records nothing. Called while the
     * resolver of its top-level mutation runs, so that the mutation's idempotency key applies, and its request's wait:
     * the answer is then the final state if the operation ends within it.
     */
    public <C extends Command> Uni<OperationStateInterface> submit(C command) {
        Optional<String> key;
        try {
            key = keys.keyOfCurrentMutation();
        } catch (InvalidInputException wrongKey) {
            return Uni.createFrom().failure(wrongKey);
        }
        Uni<OperationStateInterface> state = submit(command, null,
                key.map(given -> new IdempotencyClaim(given, 0, fingerprintOf(command))).orElse(null));
        Optional<WaitPreference.Wait> wait = config.role().accepts()
                ? waits.waitOfCurrentMutation(config.follow().maxWait())
                : Optional.empty();
        return wait.map(asked -> state.chain(
                accepted -> followers.finalStateWithin(accepted, asked.within(), asked.applied()))).orElse(state);
    }

    /** What a retry under the same idempotency key must ask again: the command's type and its input as stored. */
    public String fingerprintOf(Command command) {
        return IdempotencyClaim.fingerprintOf(registry.handlerOf(command).type() + "\n" + mapper.valueToTree(command));
    }

    /**
     * Records a step of an ordered group and answers its operation state. A step after the operation
     * {@code precedingStep} (null for a group's first step) is applied after it, and fails without being applied if it
     * failed; the caller submits the step once that operation is recorded. The group's steps share an aggregate. A step
     * under an idempotency key (else null) answers the operation first recorded under it, as a top-level mutation does.
     */
    public <C extends Command> Uni<OperationStateInterface> submitAfter(C command, String precedingStep,
            IdempotencyClaim idempotency) {
        return submit(command, precedingStep, idempotency);
    }

    static RoleException wrongRole() {
        return new RoleException(
                "This instance only processes commands (operations.role=processor); send mutations to an API instance");
    }

    /** What is wrong with the command's number of inputs, if anything: the check that submitting makes first. */
    public Optional<InvalidInputException> checkLimits(Command command) {
        if (command instanceof BatchCommand<?> batch) {
            String type = registry.handlerOf(command).type();
            int max = config.maxInputsOf(type);
            if (batch.input().isEmpty()) {
                return Optional.of(InvalidInputException.of("input", " must have at least one entry"));
            }
            if (batch.input().size() > max) {
                return Optional.of(InvalidInputException.tooMany("input", max,
                        " has " + batch.input().size() + " entries; " + type + " takes at most " + max));
            }
        }
        return Optional.empty();
    }

    private <C extends Command> Uni<OperationStateInterface> submit(C command, String precedingStep,
            IdempotencyClaim idempotency) {
        if (!config.role().accepts()) {
            return Uni.createFrom().failure(wrongRole());
        }
        CommandHandler<C> handler = registry.handlerOf(command);
        Optional<InvalidInputException> beyondLimits = checkLimits(command);
        if (beyondLimits.isPresent()) {
            return Uni.createFrom().failure(beyondLimits.get());
        }
        Set<String> changes = command.aggregateKeys();
        NewOperation operation = new NewOperation(handler.type(), changes.stream().sorted().toList(),
                command.readKeys().stream().filter(key -> !changes.contains(key)).sorted().toList(),
                mapper.valueToTree(command), precedingStep, idempotency, traces.currentTraceParent());
        long started = System.nanoTime();
        Uni<OperationStateInterface> state = switch (config.modeOf(handler.type())) {
            case ASYNC -> accept(operation);
            case SYNC -> applyNow(operation);
        };
        return state.invoke(() -> metrics.accepted(operation.type(), Duration.ofNanos(System.nanoTime() - started)));
    }

    private Uni<OperationStateInterface> accept(NewOperation operation) {
        return groups.accept(operation).chain(this::answer);
    }

    /** The state a request is answered with: its new operation's, or that of the operation its key names. */
    private Uni<OperationStateInterface> answer(Acceptance acceptance) {
        if (acceptance instanceof Acceptance.Recorded recorded) {
            return Uni.createFrom().item(new OperationAccepted(recorded.envelope().operationId()));
        }
        if (acceptance instanceof Acceptance.Replayed replayed) {
            return states.states(List.of(replayed.operationId())).map(found -> found.get(0));
        }
        return Uni.createFrom().failure(new IdempotencyKeyReusedException(((Acceptance.KeyReused) acceptance).key()));
    }

    /**
     * One transaction: the operation's idempotency key, its ledger row, its entity changes and its final state. Should
     * it fail for a reason other than the command, the operation is accepted instead and applied like an asynchronous
     * one. A key that names another operation is answered once the transaction has ended.
     */
    private Uni<OperationStateInterface> applyNow(NewOperation operation) {
        String id = OperationIdentifiers.next();
        return Panache.withTransaction(() -> inline.claimWithin(operation, id).chain(instead -> instead.isPresent()
                ? Uni.createFrom().item(new AppliedNow(null, instead.get()))
                : inline.accept(id, operation.type(), operation.aggregateKeys(), operation.readKeys(),
                        operation.payload(), operation.precedingStep(), operation.traceParent())
                        .chain(processor::applyWithin).map(state -> new AppliedNow(state, null))))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "A %s operation could not be applied at once; it is applied asynchronously",
                            operation.type());
                    return groups.accept(operation).map(acceptance -> new AppliedNow(null, acceptance));
                })
                .chain(now -> now.instead() == null ? Uni.createFrom().item(now.state()) : answer(now.instead()));
    }

    /** What applying at once came to: the operation's final state, or what answers the request instead. */
    private record AppliedNow(OperationStateInterface state, Acceptance instead) {
    }
}

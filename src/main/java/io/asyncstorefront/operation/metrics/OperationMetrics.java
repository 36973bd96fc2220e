package io.asyncstorefront.operation.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The pipeline's metrics, served with the others at /q/metrics. */
@ApplicationScoped
public class OperationMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchSizes;
    private final AtomicLong lagMillis = new AtomicLong();
    private final Map<String, MutationMeters> byMutation = new ConcurrentHashMap<>();

    public OperationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSizes = DistributionSummary.builder("operations.batch.size")
                .description("Operations applied per processor transaction")
                .serviceLevelObjectives(1, 10, 50, 100, 250, 500, 1000)
                .register(registry);
        Gauge.builder("operations.processing.lag", lagMillis, lag -> lag.get() / 1000.0)
                .description("Age of the oldest unfinished operation")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Serves how many operations the instance follows, against operations.follow.max-operations. */
    public void following(AtomicInteger followed) {
        Gauge.builder("operations.followed", followed, AtomicInteger::get)
                .description("Operations followed by subscriptions and waiting requests")
                .register(registry);
    }

    /** A mutation was answered OperationAccepted (or, in sync mode, its final state) after the given time. */
    public void accepted(String mutation, Duration latency) {
        meters(mutation).accepted(latency);
    }

    /** An operation reached its final state, the given time after it was accepted. */
    public void finished(String mutation, boolean failed, Duration sinceAccepted) {
        meters(mutation).finished(failed, sinceAccepted);
    }

    /* Looked up once per mutation: the processor records every operation of every batch. */
    private MutationMeters meters(String mutation) {
        return byMutation.computeIfAbsent(mutation, name -> new MutationMeters(
                registry.counter("operations.accepted", "mutation", name),
                Timer.builder("operations.accept.latency").tag("mutation", name)
                        .description("From a mutation's arrival to its answer")
                        .publishPercentileHistogram()
                        .register(registry),
                registry.counter("operations.completed", "mutation", name),
                registry.counter("operations.failed", "mutation", name),
                Timer.builder("operations.processing.latency").tag("mutation", name)
                        .description("From an operation's acceptance to its final state")
                        .publishPercentileHistogram()
                        .register(registry)));
    }

    private record MutationMeters(Counter accepted, Timer acceptLatency, Counter completed, Counter failed,
            Timer processingLatency) {

        void accepted(Duration latency) {
            accepted.increment();
            acceptLatency.record(latency);
        }

        void finished(boolean failure, Duration sinceAccepted) {
            (failure ? failed : completed).increment();
            processingLatency.record(sinceAccepted);
        }
    }

    public void batch(int operations) {
        batchSizes.record(operations);
    }

    public void republished(int commands) {
        registry.counter("operations.republished").increment(commands);
    }

    /** The age of the oldest unfinished operation, as the relay last saw it. */
    public void lag(Duration age) {
        lagMillis.set(age.toMillis());
    }
}

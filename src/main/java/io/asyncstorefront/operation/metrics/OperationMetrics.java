package io.asyncstorefront.operation.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

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

    /** A mutation was answered OperationAccepted (or, in sync mode, its final state) after the given time. */
    public void accepted(String mutation, Duration latency) {
        registry.counter("operations.accepted", "mutation", mutation).increment();
        Timer.builder("operations.accept.latency").tag("mutation", mutation)
                .description("From a mutation's arrival to its answer")
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    /** An operation reached its final state, the given time after it was accepted. */
    public void finished(String mutation, boolean failed, Duration sinceAccepted) {
        registry.counter(failed ? "operations.failed" : "operations.completed", "mutation", mutation).increment();
        Timer.builder("operations.processing.latency").tag("mutation", mutation)
                .description("From an operation's acceptance to its final state")
                .publishPercentileHistogram()
                .register(registry)
                .record(sinceAccepted);
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

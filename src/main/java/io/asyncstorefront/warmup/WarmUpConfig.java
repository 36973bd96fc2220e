package io.asyncstorefront.warmup;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rehearsal that an instance which accepts mutations may run before it reports ready (README, "Warm-up"). */
@ConfigMapping(prefix = "storefront.warm-up")
public interface WarmUpConfig {

    /** Off unless asked for: the rehearsal writes, to the shared database and broker, what it then deletes. */
    @WithDefault("false")
    boolean enabled();

    /**
     * How many rehearsal clients run at once, each creating a cart, deleting it and reading both operations: with 8,
     * JDK 25's async rate after the rehearsal was further below its steady rate (README, "Warm-up").
     */
    @WithDefault("16")
    @Positive
    int clients();

    /** How long the JIT's compilers must have been nearly idle before the rehearsal ends. */
    @WithDefault("5s")
    Duration settledFor();

    /** The longest rehearsal: readiness goes UP then, even while the compilers are still busy. */
    @WithDefault("3m")
    Duration maxDuration();
}

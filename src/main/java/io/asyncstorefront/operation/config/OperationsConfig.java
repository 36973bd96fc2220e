package io.asyncstorefront.operation.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "operations")
public interface OperationsConfig {

    /** How mutations run unless a mutation says otherwise. */
    @WithDefault("async")
    Mode mode();

    /** What this instance does; see {@link Role}. */
    @WithDefault("all")
    Role role();

    /** Per-mutation settings, keyed by mutation name, for example operations.mutation."createEmptyCart".mode=sync. */
    @WithName("mutation")
    Map<String, MutationConfig> mutations();

    Queue queue();

    Batch batch();

    Relay relay();

    Processing processing();

    Accept accept();

    Idempotency idempotency();

    Retention retention();

    Follow follow();

    default Mode modeOf(String mutation) {
        MutationConfig config = mutations().get(mutation);
        return config == null ? mode() : config.mode().orElse(mode());
    }

    default int maxInputsOf(String mutation) {
        MutationConfig config = mutations().get(mutation);
        return config == null ? batch().maxInputs() : config.maxInputs().orElse(batch().maxInputs());
    }

    enum Mode {
        /** Accept, answer OperationAccepted, apply later. */
        ASYNC,
        /** Accept and apply within the request, answer the final state. */
        SYNC
    }

    /** The parts of the pipeline an instance runs, so that a deployment can scale accepting and processing apart. */
    enum Role {
        /** Accepts, publishes and processes. */
        ALL,
        /** Accepts mutations, publishes their commands and answers queries; processes no command. */
        API,
        /** Processes commands; refuses mutations. */
        PROCESSOR;

        public boolean accepts() {
            return this != PROCESSOR;
        }

        public boolean processes() {
            return this != API;
        }
    }

    interface MutationConfig {
        Optional<Mode> mode();

        /** The most inputs one call of the mutation takes. */
        Optional<Integer> maxInputs();
    }

    interface Batch {
        /** Stated here once, for the schema's descriptions as for the default. */
        String DEFAULT_MAX_INPUTS = "100";

        /** The most inputs one call of a batch mutation takes, unless the mutation says otherwise. */
        @WithDefault(DEFAULT_MAX_INPUTS)
        int maxInputs();
    }

    interface Queue {
        /** Stated here once, for the schema's descriptions as for the default. */
        String DEFAULT_MAX_IDENTIFIERS = "100";

        /** The most operation identifiers that one queue query may ask for. */
        @WithDefault(DEFAULT_MAX_IDENTIFIERS)
        int maxIdentifiers();
    }

    interface Accept {
        /** The most operations that one commit accepts. */
        @WithDefault("256")
        int groupSize();

        /** How long the first request of a group waits for others before the group is committed. */
        @WithDefault("1ms")
        Duration groupWait();

        /** How many groups one instance commits at once. */
        @WithDefault("1")
        int concurrency();
    }

    interface Idempotency {
        /** How long an idempotency key answers the operation first recorded under it; afterwards it is forgotten. */
        @WithDefault("24h")
        Duration window();

        /** How often forgotten keys are deleted. */
        @WithDefault("1m")
        Duration cleanupInterval();

        /** The most keys one cleanup run deletes, so that a run stays short whatever the backlog. */
        @WithDefault("1000")
        int cleanupBatchSize();
    }

    interface Retention {
        /**
         * How long a finished operation stays in the ledger, counted from its acceptance, or from its finish if it was
         * still unfinished when that ran out; afterwards queue answers null for it. Unfinished operations stay.
         */
        @WithDefault("7d")
        Duration period();

        /** How long an operation whose attempts ran out stays, with its dead letter, for retryOperations. */
        @WithDefault("30d")
        Duration deadLetterPeriod();

        /** The span of issue times that one partition of the ledger holds, and so what one purge forgets at once. */
        @WithDefault("1d")
        Duration partitionSpan();

        /** How often partitions are created ahead and expired ones forgotten. */
        @WithDefault("1m")
        Duration interval();

        /**
         * How long a purge waits for accepting and processing to let go of the ledger before it gives up until the
         * next run; they wait for it as long. Measured under load, a wait of 200 ms showed in the accept p99.
         */
        @WithDefault("50ms")
        Duration lockTimeout();

        /** The most operations one run deletes, row by row, from the default partition. */
        @WithDefault("10000")
        int defaultBatchSize();
    }

    interface Follow {
        /**
         * The most operations followed on one instance at once, by subscriptions and by requests that wait: each holds
         * memory until its operation ends. Beyond it a subscription is refused and a request does not wait.
         */
        @WithDefault("100000")
        int maxOperations();

        /** The longest that a mutation may wait for its operations to end (Prefer: wait=N, RFC 7240). */
        @WithDefault("10s")
        Duration maxWait();

        /**
         * How often the connection that listens for state changes is checked, and how long its check may take: a
         * connection cut without a word (a failover, a network partition) would otherwise deliver nothing, unnoticed.
         */
        @WithDefault("15s")
        Duration listenCheck();
    }

    interface Relay {
        /**
         * How long a command that the broker did not acknowledge, or whose processing failed, waits before the relay
         * publishes it again.
         */
        @WithDefault("10s")
        Duration grace();

        /**
         * How long a command that the broker acknowledged may wait in its queue before the relay publishes it again;
         * long enough for a backlog to drain, so that merely queued commands are not published twice.
         */
        @WithDefault("2m")
        Duration queuedGrace();

        /** How often the relay looks for overdue commands, and so how closely retries keep to their backoff. */
        @WithDefault("1s")
        Duration interval();

        /** The most commands that one relay run republishes. */
        @WithDefault("500")
        int batchSize();

        /**
         * How often the relay measures the age of the oldest unfinished operation: the measure reads every unfinished
         * operation (some 50 ms with a backlog of 100,000), so not at every relay run.
         */
        @WithDefault("15s")
        Duration lagInterval();
    }

    interface Processing {
        /** How long the accept path waits for the broker's acknowledgement; the relay covers a miss. */
        @WithDefault("5s")
        Duration publishTimeout();

        /** After this many failures for reasons other than the command itself, the operation fails with a system error. */
        @WithDefault("5")
        int maxAttempts();

        /** The wait before the first retry of a failed attempt; each further retry waits twice as long, up to the grace. */
        @WithDefault("250ms")
        Duration retryBackoff();

        /**
         * The commands at which the processor closes a batch, applied in one transaction. A batch takes whole messages, so
         * the last one may take it over by less than a message's operations.
         */
        @WithDefault("1000")
        int batchSize();

        /** How long the processor waits for more commands before it applies a batch that is not full. */
        @WithDefault("5ms")
        Duration batchWait();

        /** How many batches one instance applies at once; batches that share an aggregate wait for each other. */
        @WithDefault("2")
        int concurrency();

        /**
         * On shutdown, how long the running batches may take to commit and settle their messages; the messages of
         * batches that have not started go back to the broker.
         */
        @WithDefault("10s")
        Duration drainTimeout();
    }
}

package io.asyncstorefront.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits bounded by progress rather than by a budget: a count may take as long as it needs to reach its target, on a
 * slow machine or with a cold JVM, and the wait fails only when the count stood still for a minute.
 */
final class Progress {

    static final Duration STANDSTILL = Duration.ofSeconds(60);

    private Progress() {
    }

    /** Waits until the count falls to zero, as long as it keeps falling. */
    static void awaitNone(Callable<Long> count) throws Exception {
        awaitAtLeast(0, () -> -count.call());
    }

    /** Waits until the count reaches the target, as long as it keeps growing. */
    static void awaitAtLeast(long target, Callable<Long> count) throws Exception {
        long current = count.call();
        while (current < target) {
            long before = current;
            current = await().atMost(STANDSTILL).pollInterval(Duration.ofMillis(200))
                    .until(count, now -> now >= target || now > before);
        }
    }
}

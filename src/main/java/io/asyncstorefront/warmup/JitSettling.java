package io.asyncstorefront.warmup;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Whether the JIT has settled: over the last window, its compilers spent less than a tenth of the window compiling.
 * C2's compile time is what keeps a fresh JVM below its speed; once it is spent, the hot paths run compiled.
 */
final class JitSettling {

    /** The share of the window that the compilers may still spend compiling once settled. */
    private static final double IDLE_SHARE = 0.1;

    private record Sample(long atMillis, long compiledMillis) {
    }

    private final long windowMillis;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Counts from moment 0, when the compilers had spent compiledAtStart milliseconds. */
    JitSettling(long windowMillis, long compiledAtStart) {
        this.windowMillis = windowMillis;
        samples.addLast(new Sample(0, compiledAtStart));
    }

    /** Records the compilers' total time at a moment; true once the last full window was nearly idle. */
    boolean settledAfter(long atMillis, long compiledMillis) {
        samples.addLast(new Sample(atMillis, compiledMillis));
        // Keeps the newest sample that is at least a window old, and those after it.
        while (samples.size() > 1 && secondOldest().atMillis() <= atMillis - windowMillis) {
            samples.removeFirst();
        }
        Sample first = samples.peekFirst();
        long span = atMillis - first.atMillis();
        return span >= windowMillis && compiledMillis - first.compiledMillis() < span * IDLE_SHARE;
    }

    private Sample secondOldest() {
        Iterator<Sample> oldestFirst = samples.iterator();
        oldestFirst.next();
        return oldestFirst.next();
    }
}

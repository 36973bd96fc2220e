package io.asyncstorefront.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitSettlingTest {

    @Test
    void notSettledBeforeAFullWindow() {
        JitSettling settling = new JitSettling(5000, 0);
        assertThat(settling.settledAfter(0, 0)).isFalse();
        assertThat(settling.settledAfter(4000, 0)).isFalse();
        assertThat(settling.settledAfter(5000, 0)).isTrue();
    }

    @Test
    void busyCompilersWithinTheWindowKeepItUnsettled() {
        JitSettling settling = new JitSettling(5000, 0);
        for (long second = 0; second <= 10; second++) {
            assertThat(settling.settledAfter(second * 1000, second * 800)).isFalse();
        }
    }

    @Test
    void settlesOnceTheLastWindowWasNearlyIdle() {
        JitSettling settling = new JitSettling(5000, 0);
        long compiled = 0;
        for (long second = 0; second <= 10; second++) {
            compiled += 900;
            settling.settledAfter(second * 1000, compiled);
        }
        // 99 ms of compiling a second from now on: busy seconds stay in the window until 15 s.
        for (long second = 11; second <= 14; second++) {
            compiled += 99;
            assertThat(settling.settledAfter(second * 1000, compiled)).as("after %d s", second).isFalse();
        }
        compiled += 99;
        assertThat(settling.settledAfter(15_000, compiled)).isTrue();
        compiled += 2000;
        assertThat(settling.settledAfter(16_000, compiled)).isFalse();
    }

    @Test
    void aTenthOfTheWindowSpentCompilingIsNotYetSettled() {
        JitSettling settling = new JitSettling(5000, 0);
        settling.settledAfter(0, 1000);
        assertThat(settling.settledAfter(5000, 1500)).isFalse();
        assertThat(settling.settledAfter(10_000, 1500)).isTrue();
    }
}

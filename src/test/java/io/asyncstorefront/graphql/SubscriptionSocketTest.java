package io.asyncstorefront.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The close reason, which may echo a client's text, fits a close frame whatever its characters. */
class SubscriptionSocketTest {

    @Test
    void aCloseReasonIsCutToAtMost123BytesOfUtf8() {
        String echoed = "Subscriber for " + "ü".repeat(100) + " already exists";

        String reason = SubscriptionSocket.withinCloseFrame(echoed);

        assertThat(reason.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(echoed).startsWith(reason);
        assertThat(SubscriptionSocket.withinCloseFrame("Unauthorized")).isEqualTo("Unauthorized");
    }
}

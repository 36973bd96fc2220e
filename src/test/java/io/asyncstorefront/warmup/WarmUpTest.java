package io.asyncstorefront.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The rehearsal before readiness, through the real HTTP port, broker and database: readiness answers 503 with the
 * warm-up DOWN while it runs (here until its longest duration, since the compilers are never taken as settled), then UP;
 * every rehearsal operation finishes, none fails, and no rehearsal cart is left.
 */
@QuarkusTest
@TestProfile(WarmUpTest.Rehearsing.class)
class WarmUpTest {

    public static class Rehearsing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.warm-up.enabled", "true", "storefront.warm-up.clients", "4",
                    "storefront.warm-up.settled-for", "1h", "storefront.warm-up.max-duration", "20s");
        }
    }

    private static final String WARM_UP = "checks.find { it.name == 'Warm-up' }";
    private static final String REHEARSED = "from operation where payload like '%warm-up-%'";

    @Inject
    Database database;

    @Test
    void readinessWaitsForTheRehearsalWhichLeavesNoCartBehind() {
        ExtractableResponse<Response> during = readiness();
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.jsonPath().getString(WARM_UP + ".status")).isEqualTo("DOWN");

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> "UP".equals(readiness().jsonPath().getString(WARM_UP + ".status")));
        ExtractableResponse<Response> after = readiness();
        assertThat(after.jsonPath().getString(WARM_UP + ".data.ended")).isEqualTo("the longest duration was reached");
        long rounds = after.jsonPath().getLong(WARM_UP + ".data.rounds");
        assertThat(rounds).isPositive();

        // Rounds still under way when readiness went UP end with their deletion, which is applied after the creation.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> count(
                "select count(*) " + REHEARSED + " and status in ('ACCEPTED', 'IN_PROGRESS')") == 0
                && count("select count(*) from cart where mask like 'warm-up-%'") == 0);
        assertThat(count("select count(*) " + REHEARSED + " and status = 'COMPLETED'")).isGreaterThanOrEqualTo(2 * rounds);
        assertThat(count("select count(*) " + REHEARSED + " and status <> 'COMPLETED'")).isZero();
    }

    private long count(String sql) {
        return database.single(sql).getLong(0);
    }

    private static ExtractableResponse<Response> readiness() {
        return given().when().get("/q/health/ready").then().extract();
    }
}

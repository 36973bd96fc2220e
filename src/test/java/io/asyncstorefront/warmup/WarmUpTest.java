package io.asyncstorefront.warmup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The rehearsal before readiness, through the real HTTP port, broker and database: readiness stays DOWN while it
 * runs, and once it is UP every rehearsal cart has been created and deleted again, by operations that all finish.
 */
@QuarkusTest
@TestProfile(WarmUpTest.Rehearsing.class)
class WarmUpTest {

    public static class Rehearsing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storefront.warm-up.enabled", "true", "storefront.warm-up.clients", "4",
                    "storefront.warm-up.max-duration", "5s");
        }
    }

    @Inject
    Database database;

    @Test
    void readinessWaitsForTheRehearsalWhichLeavesNoCartBehind() {
        var first = given().when().get("/q/health/ready").then().extract();
        if ("DOWN".equals(first.jsonPath().getString("checks.find { it.name == 'Warm-up' }.status"))) {
            assertThat(first.statusCode()).isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> "UP".equals(readiness().getString("checks.find { it.name == 'Warm-up' }.status")));
        long rounds = readiness().getLong("checks.find { it.name == 'Warm-up' }.data.rounds");
        assertThat(rounds).isPositive();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> database
                .single("select count(*) from operation where status in ('ACCEPTED', 'IN_PROGRESS')").getLong(0) == 0);
        assertThat(database.single("select count(*) from cart where mask like 'warm-up-%'").getLong(0)).isZero();
        assertThat(database.single("select count(*) from operation where status = 'COMPLETED'").getLong(0))
                .isGreaterThanOrEqualTo(2 * rounds);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Warm-up"));
    }

    private static JsonPath readiness() {
        return given().when().get("/q/health/ready").then().extract().jsonPath();
    }
}

package io.asyncstorefront.warmup;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the warm-up rehearses: traffic would meet a JVM that still compiles its paths. */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    private final WarmUp warmUp;

    public WarmUpReadiness(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Warm-up");
        return switch (warmUp.stage()) {
            case OFF -> response.up().withData("rehearsal", "off").build();
            case RUNNING -> response.down().withData("rounds", warmUp.rounds()).build();
            case FINISHED -> response.up().withData("rounds", warmUp.rounds()).withData("ended", warmUp.ending())
                    .build();
        };
    }
}

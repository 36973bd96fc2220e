package io.asyncstorefront.operation.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class TracingConfigSourceFactoryTest {

    @Test
    void withoutAnEndpointTracingIsOff() {
        SmallRyeConfig config = configWith(Map.of());

        assertThat(value(config, "quarkus.otel.sdk.disabled")).contains("true");
    }

    @Test
    void theStandardVariableIsTheEndpoint() {
        SmallRyeConfig config = configWith(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));

        assertThat(value(config, "quarkus.otel.sdk.disabled")).isEmpty();
        assertThat(value(config, "quarkus.otel.exporter.otlp.endpoint")).contains("http://collector:4317");
    }

    @Test
    void quarkusOwnEndpointIsLeftAsItIs() {
        SmallRyeConfig config = configWith(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://a:4317",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://b:4317"));

        assertThat(value(config, "quarkus.otel.sdk.disabled")).isEmpty();
        assertThat(value(config, "quarkus.otel.exporter.otlp.endpoint")).isEmpty();
    }

    private static SmallRyeConfig configWith(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 300))
                .withSources(new TracingConfigSourceFactory()).build();
    }

    private static Optional<String> value(SmallRyeConfig config, String name) {
        return config.getOptionalValue(name, String.class);
    }
}

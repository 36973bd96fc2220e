package io.asyncstorefront.operation.trace;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Tracing where an OTLP endpoint is set, and none where it is not: Quarkus would otherwise export every span to
 * localhost:4317 and log each failure, and a blank endpoint does not survive its configuration. The standard
 * OTEL_EXPORTER_OTLP_ENDPOINT counts as Quarkus's quarkus.otel.exporter.otlp.endpoint. Below application.properties
 * (250), so that either property set anywhere still wins.
 */
public class TracingConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 200;
    private static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(ENDPOINT)) || isSet(context.getValue("quarkus.otel.exporter.otlp.traces.endpoint"))) {
            return List.of();
        }
        ConfigValue standard = context.getValue("OTEL_EXPORTER_OTLP_ENDPOINT");
        Map<String, String> settings = isSet(standard) ? Map.of(ENDPOINT, standard.getValue())
                : Map.of("quarkus.otel.sdk.disabled", "true");
        return List.of(new PropertiesConfigSource(settings, "tracing", ORDINAL));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}

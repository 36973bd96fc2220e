package io.asyncstorefront.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * In dev mode and tests, starts an embedded PostgreSQL and an embedded Artemis for whichever of the two is not
 * configured, and points the application at them. Production never starts them: it uses only the services that
 * QUARKUS_DATASOURCE_* and AMQP_* name. The servers outlive live reloads and test restarts: a running one is reused.
 */
public class EmbeddedServicesConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250), so that anything configured there or in the environment wins. */
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        String profile = profiles.contains("test") ? "test" : profiles.contains("dev") ? "dev" : null;
        if (profile == null || !Boolean.parseBoolean(value(context, "storefront.embedded.enabled", "true"))) {
            return List.of();
        }
        boolean test = profile.equals("test");
        Path directory = Path.of("target", "embedded", profile);
        Map<String, String> properties = new HashMap<>();
        if (value(context, "quarkus.datasource.reactive.url", null) == null) {
            int port = Integer.parseInt(value(context, "storefront.embedded.postgres-port", test ? "16432" : "15432"));
            EmbeddedPostgresServer.ensureRunning(port, directory.resolve("postgres"), test);
            properties.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/postgres");
            properties.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            properties.put("quarkus.datasource.username", "postgres");
            properties.put("quarkus.datasource.password", "postgres");
        }
        if (value(context, "amqp-host", null) == null) {
            int port = Integer.parseInt(value(context, "storefront.embedded.amqp-port", test ? "16673" : "15673"));
            EmbeddedArtemisServer.ensureRunning(port, directory.resolve("artemis"), test);
            properties.put("amqp-host", "127.0.0.1");
            properties.put("amqp-port", String.valueOf(port));
        }
        return List.of(new PropertiesConfigSource(properties, "embedded-services", ORDINAL));
    }

    private static String value(ConfigSourceContext context, String name, String defaultValue) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? defaultValue : value.getValue();
    }
}

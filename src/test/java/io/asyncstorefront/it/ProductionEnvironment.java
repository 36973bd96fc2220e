package io.asyncstorefront.it;

import java.util.HashMap;
import java.util.Map;

/** The environment variables that configure the packaged service in production, and nothing else. */
final class ProductionEnvironment {

    private ProductionEnvironment() {
    }

    static Map<String, String> of(PostgresDatabase database, int amqpPort, Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl(),
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "postgres",
                "AMQP_HOST", "127.0.0.1",
                "AMQP_PORT", String.valueOf(amqpPort)));
        environment.putAll(extra);
        return environment;
    }
}

package io.asyncstorefront.operation.messaging;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Switches the command consumer on or off by operations.role, so that one setting makes an instance an API or a
 * processor. Above application.properties (250) and below the environment (300): setting the channel's own enabled
 * property still wins.
 */
public class OperationRoleConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue value = context.getValue("operations.role");
        OperationsConfig.Role role = value == null || value.getValue() == null
                ? OperationsConfig.Role.ALL
                : OperationsConfig.Role.valueOf(value.getValue().trim().toUpperCase(Locale.ROOT));
        return List.of(new PropertiesConfigSource(
                Map.of(Channels.COMMANDS_IN_ENABLED_PROPERTY, String.valueOf(role.processes())),
                "operations-role", ORDINAL));
    }
}

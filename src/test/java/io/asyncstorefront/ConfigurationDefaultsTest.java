package io.asyncstorefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.cart.api.CartLimits;
import io.asyncstorefront.graphql.GraphQLLimits;
import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.support.ApplicationProperties;
import io.asyncstorefront.support.MappingDefaults;
import io.asyncstorefront.warmup.WarmUpConfig;
import io.smallrye.config.SmallRyeConfig;

/**
 * Configuration defaults are stated once, in the @ConfigMapping interfaces: application.properties does not restate
 * them, and the README's tables say what they say.
 */
class ConfigurationDefaultsTest {

    /** A table row of the README: | `key` | … | `default` | meaning |, the key and default each in backticks. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9.-]*)` \\|(.*)$");
    private static final Pattern CELL_VALUE = Pattern.compile("^ `([^`]+)` $");
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("^[A-Z][A-Z0-9_]*$");

    /** Only the mappings, without application.properties: what they fall back to. */
    private static final SmallRyeConfig DEFAULTS = MappingDefaults.of(OperationsConfig.class, GraphQLLimits.class,
            CartLimits.class, WarmUpConfig.class);

    @Test
    void theReadmeStatesTheMappingsDefaults() throws IOException {
        Map<String, String> documented = documentedDefaults();
        assertThat(documented).hasSizeGreaterThan(25);
        documented.forEach((key, value) -> assertThat(DEFAULTS.getOptionalValue(key, String.class))
                .as("the README's default of %s", key).contains(value));
    }

    @Test
    void applicationPropertiesRestatesNoDefault() throws IOException {
        Properties properties = ApplicationProperties.load();
        properties.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> assertThat(DEFAULTS.getOptionalValue(key, String.class))
                        .as("%s in application.properties, equal to its mapping's default", key)
                        .isNotEqualTo(Optional.of(properties.getProperty(key))));
    }

    /** Each row whose key a mapping knows and whose default is one value in backticks (not an environment variable). */
    private static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher row = ROW.matcher(line);
            if (!row.matches() || DEFAULTS.getOptionalValue(row.group(1), String.class).isEmpty()) {
                continue;
            }
            for (String cell : row.group(2).split("\\|")) {
                Matcher value = CELL_VALUE.matcher(cell);
                if (value.matches() && !ENVIRONMENT_VARIABLE.matcher(value.group(1)).matches()) {
                    defaults.put(row.group(1), value.group(1));
                    break;
                }
            }
        }
        return defaults;
    }
}

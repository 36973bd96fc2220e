package io.asyncstorefront.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** src/main/resources/application.properties as written, profiles included, for tests that check it against others. */
public final class ApplicationProperties {

    private ApplicationProperties() {
    }

    public static Properties load() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties;
    }
}

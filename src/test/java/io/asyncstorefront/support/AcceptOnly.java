package io.asyncstorefront.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An instance that accepts mutations and processes nothing: a test applies the accepted operations itself, when it
 * chooses, through the processor.
 */
public class AcceptOnly implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("operations.role", "api");
    }
}

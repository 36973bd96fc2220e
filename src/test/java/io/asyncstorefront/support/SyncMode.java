package io.asyncstorefront.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Every mutation applied within its request. */
public class SyncMode implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("operations.mode", "sync");
    }
}

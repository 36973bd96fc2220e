package io.asyncstorefront.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Collects the spans in memory instead of exporting them, for the test profiles that set storefront.test.spans=memory
 * (the others would keep every span of the suite).
 */
@ApplicationScoped
@IfBuildProperty(name = "storefront.test.spans", stringValue = "memory")
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}

package io.asyncstorefront.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The Kubernetes objects of deploy/kubernetes, as the YAML documents state them. */
public final class KubernetesManifests {

    public static final Path JVM = Path.of("deploy", "kubernetes", "jvm", "async-storefront.yaml");

    private KubernetesManifests() {
    }

    /** Every object of the JVM manifest, the tested default. */
    public static List<JsonNode> jvm() {
        try {
            return parse(Files.readString(JVM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object of a stream of YAML documents, as kubectl kustomize renders them. */
    public static List<JsonNode> parse(String yaml) throws IOException {
        try (var documents = new YAMLMapper().readerFor(JsonNode.class).<JsonNode> readValues(yaml)) {
            return StreamSupport.stream(((Iterable<JsonNode>) () -> documents).spliterator(), false)
                    .filter(document -> !document.isEmpty()).toList();
        }
    }

    public static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }

    /** A value of the ConfigMap that every container takes. */
    public static String configured(String variable) {
        return ofKind(jvm(), "ConfigMap").get(0).path("data").path(variable).asText();
    }

    /** The Deployment that runs the service in the given role (its OPERATIONS_ROLE). */
    public static JsonNode deployment(List<JsonNode> objects, String role) {
        return ofKind(objects, "Deployment").stream()
                .filter(deployment -> StreamSupport.stream(deployment.path("spec").path("template").path("spec")
                        .path("containers").get(0).path("env").spliterator(), false)
                        .anyMatch(variable -> "OPERATIONS_ROLE".equals(variable.path("name").asText())
                                && role.equals(variable.path("value").asText())))
                .findFirst().orElseThrow();
    }

    /** How long Kubernetes lets the API's pods stop before it kills them. */
    public static long apiGracePeriodSeconds() {
        return deployment(jvm(), "api").path("spec").path("template").path("spec").path("terminationGracePeriodSeconds")
                .asLong(30);
    }

    /** The Prometheus metric that the processor's autoscaler reads, as the service names it at /q/metrics. */
    public static String processorScalingMetric() {
        return ofKind(jvm(), "HorizontalPodAutoscaler").stream()
                .flatMap(hpa -> StreamSupport.stream(hpa.path("spec").path("metrics").spliterator(), false))
                .filter(metric -> "External".equals(metric.path("type").asText()))
                .map(metric -> metric.path("external").path("metric").path("name").asText())
                .findFirst().orElseThrow();
    }
}

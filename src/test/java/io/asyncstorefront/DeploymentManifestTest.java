package io.asyncstorefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.asyncstorefront.operation.config.OperationsConfig;
import io.asyncstorefront.support.ApplicationProperties;
import io.asyncstorefront.support.KubernetesManifests;
import io.asyncstorefront.support.MappingDefaults;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * The Kubernetes manifests (deploy/kubernetes) give every container what the service needs in production, run the
 * roles apart, and leave time for the shutdown that the configuration asks for. Where kubectl is installed, both
 * variants are rendered with its Kustomize and checked the same way.
 */
class DeploymentManifestTest {

    /** A production setting that only an environment variable can give: %prod.key=${VARIABLE}, without a default. */
    private static final Pattern REQUIRED = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)}$");

    @Test
    void everyContainerHasProbesMemoryAndTheEnvironmentProductionRequires() throws IOException {
        checkContainers(KubernetesManifests.jvm());
    }

    @Test
    void theApiAndTheProcessorRunApartAndOnlyTheApiIsServed() {
        List<JsonNode> objects = KubernetesManifests.jvm();
        assertThat(deployments(objects).stream().map(deployment -> environment(deployment).get("OPERATIONS_ROLE")))
                .containsExactlyInAnyOrder("api", "processor");
        JsonNode service = KubernetesManifests.ofKind(objects, "Service").get(0);
        for (JsonNode deployment : deployments(objects)) {
            boolean api = "api".equals(environment(deployment).get("OPERATIONS_ROLE"));
            assertThat(selects(service.path("spec").path("selector"), deployment)).as(name(deployment)).isEqualTo(api);
            // Only an instance that accepts mutations can rehearse them before it takes traffic.
            assertThat(environment(deployment).get("STOREFRONT_WARM_UP_ENABLED")).as(name(deployment))
                    .isEqualTo(api ? "true" : null);
        }
    }

    @Test
    void eachDeploymentHasAnAutoscalerAndADisruptionBudget() {
        List<JsonNode> objects = KubernetesManifests.jvm();
        for (JsonNode deployment : deployments(objects)) {
            String role = environment(deployment).get("OPERATIONS_ROLE");
            List<JsonNode> autoscalers = KubernetesManifests.ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .filter(hpa -> name(deployment).equals(hpa.path("spec").path("scaleTargetRef").path("name").asText()))
                    .toList();
            assertThat(autoscalers).as(name(deployment)).hasSize(1);
            // The API on its CPU, the processor on its lag, which CPU does not show while it waits on PostgreSQL.
            JsonNode metric = autoscalers.get(0).path("spec").path("metrics").get(0);
            assertThat(metric.path("type").asText()).isEqualTo("api".equals(role) ? "Resource" : "External");
            assertThat(KubernetesManifests.ofKind(objects, "PodDisruptionBudget"))
                    .filteredOn(budget -> selects(budget.path("spec").path("selector").path("matchLabels"), deployment))
                    .as(name(deployment)).hasSize(1);
        }
        assertThat(KubernetesManifests.processorScalingMetric()).isEqualTo("operations_processing_lag_seconds");
    }

    /**
     * After SIGTERM the API keeps serving while readiness is DOWN (the delay), lets requests in flight finish (the
     * timeout), and the processor lets running batches commit (the drain timeout): Kubernetes must not kill it sooner.
     */
    @Test
    void theGracePeriodCoversTheShutdown() throws IOException {
        List<JsonNode> objects = KubernetesManifests.jvm();
        Properties properties = ApplicationProperties.load();
        Duration requests = duration(properties.getProperty("quarkus.shutdown.timeout"));
        Duration batches = MappingDefaults.of(OperationsConfig.class).getValue("operations.processing.drain-timeout",
                Duration.class);
        for (JsonNode deployment : deployments(objects)) {
            Map<String, String> environment = environment(deployment);
            Duration delay = duration(environment.getOrDefault("QUARKUS_SHUTDOWN_DELAY", "0s"));
            long grace = deployment.path("spec").path("template").path("spec").path("terminationGracePeriodSeconds")
                    .asLong(30);
            assertThat(Duration.ofSeconds(grace)).as(name(deployment))
                    .isGreaterThanOrEqualTo(delay.plus(requests).plus(batches));
        }
        assertThat(environment(KubernetesManifests.deployment(objects, "api")).get("QUARKUS_SHUTDOWN_DELAY"))
                .isNotEqualTo("0s");
    }

    @Test
    void kustomizeRendersTheJvmAndTheNativeVariants() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        List<JsonNode> jvm = KubernetesManifests.parse(kustomize("jvm"));
        assertThat(jvm).hasSameSizeAs(KubernetesManifests.jvm());
        checkContainers(jvm);

        List<JsonNode> nativeVariant = KubernetesManifests.parse(kustomize("native"));
        checkContainers(nativeVariant);
        for (JsonNode deployment : deployments(nativeVariant)) {
            assertThat(container(deployment).path("image").asText()).isEqualTo("async-storefront:native");
            assertThat(environment(deployment)).doesNotContainKey("JAVA_MAX_MEM_RATIO");
        }
    }

    private static void checkContainers(List<JsonNode> objects) throws IOException {
        List<String> required = requiredVariables();
        assertThat(required).contains("QUARKUS_DATASOURCE_REACTIVE_URL", "AMQP_HOST");
        assertThat(deployments(objects)).hasSize(2);
        for (JsonNode deployment : deployments(objects)) {
            JsonNode container = container(deployment);
            String as = name(deployment);
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).as(as)
                    .isEqualTo("/q/health/started");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).as(as)
                    .isEqualTo("/q/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).as(as)
                    .isEqualTo("/q/health/ready");
            JsonNode resources = container.path("resources");
            assertThat(resources.path("requests").path("cpu").asText()).as(as).isNotEmpty();
            // Memory is guaranteed: the JVM sizes its heap from the limit, and a pod above its request is evicted first.
            assertThat(resources.path("limits").path("memory").asText()).as(as).isNotEmpty()
                    .isEqualTo(resources.path("requests").path("memory").asText());
            assertThat(environment(deployment, objects).keySet()).as(as).containsAll(required);
            assertThat(container.path("envFrom").findValuesAsText("name")).as(as).contains("async-storefront");
            assertThat(container.path("envFrom").findValues("secretRef")).as(as).hasSize(1);
        }
    }

    /** The variables that application.properties requires in production. */
    private static List<String> requiredVariables() throws IOException {
        List<String> variables = new ArrayList<>();
        Properties properties = ApplicationProperties.load();
        for (String key : properties.stringPropertyNames()) {
            Matcher variable = REQUIRED.matcher(properties.getProperty(key));
            if (key.startsWith("%prod.") && variable.matches()) {
                variables.add(variable.group(1));
            }
        }
        return variables;
    }

    private static List<JsonNode> deployments(List<JsonNode> objects) {
        return KubernetesManifests.ofKind(objects, "Deployment");
    }

    private static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).as(name(deployment)).isEqualTo(1);
        return containers.get(0);
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** The container's own variables. */
    private static Map<String, String> environment(JsonNode deployment) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode variable : container(deployment).path("env")) {
            environment.put(variable.path("name").asText(), variable.path("value").asText());
        }
        return environment;
    }

    /** The container's variables with those of the ConfigMaps it takes, its own winning as in Kubernetes. */
    private static Map<String, String> environment(JsonNode deployment, List<JsonNode> objects) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode source : container(deployment).path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            KubernetesManifests.ofKind(objects, "ConfigMap").stream().filter(map -> configMap.equals(name(map)))
                    .forEach(map -> map.path("data").fields()
                            .forEachRemaining(entry -> environment.put(entry.getKey(), entry.getValue().asText())));
        }
        environment.putAll(environment(deployment));
        return environment;
    }

    /** Whether the label selector matches the deployment's pods. */
    private static boolean selects(JsonNode selector, JsonNode deployment) {
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        return StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) selector::fields).spliterator(), false)
                .allMatch(label -> label.getValue().asText().equals(labels.path(label.getKey()).asText()));
    }

    private static Duration duration(String value) {
        return new DurationConverter().convert(value);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    private static String kustomize(String variant) throws Exception {
        Process process = new ProcessBuilder("kubectl", "kustomize", Path.of("deploy", "kubernetes", variant).toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}

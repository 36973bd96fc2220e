package io.asyncstorefront.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The packaged service (target/quarkus-app) running in production mode as a separate process, on the JVM that
 * {@code storefront.it.java} names (the pom names a JDK 25, the image's major version, where one is installed) or else
 * the tests' own, with the JVM options of {@code storefront.it.java-options}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final String QUEUE = """
            query Queue($ids: [String!]!) { queue(operationIdentifiers: $ids) { identifier __typename } }
            """;
    private static final Set<String> UNFINISHED = Set.of("OperationAccepted", "OperationInProgress");

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service and waits until it is ready. */
    static ServiceProcess start(int port, Map<String, String> environment, Path log) throws IOException {
        ServiceProcess service = launch(port, environment, log);
        service.awaitReadiness(200);
        return service;
    }

    /** Starts the service and waits until it answers HTTP, ready or not. */
    static ServiceProcess launch(int port, Map<String, String> environment, Path log) throws IOException {
        Path app = Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"), "quarkus-run.jar");
        Files.createDirectories(log.getParent());
        String java = System.getProperty("storefront.it.java", "");
        List<String> command = new ArrayList<>();
        command.add(java.isBlank() ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : java);
        String options = System.getProperty("storefront.it.java-options", "");
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", app.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        ServiceProcess service = new ServiceProcess(builder.start(), port);
        service.awaitReadiness(200, 503);
        return service;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** Posts a GraphQL request; the service answers HTTP 200 for good and bad documents alike. */
    JsonPath graphQL(String document, Map<String, ?> variables) {
        return post(document, variables).then().statusCode(200).extract().jsonPath();
    }

    /** Posts a GraphQL request and answers whatever comes back, for a caller that judges the status itself. */
    Response post(String document, Map<String, ?> variables) {
        return given().baseUri(baseUri()).contentType(ContentType.JSON)
                .body(Map.of("query", document, "variables", variables)).post("/graphql");
    }

    /** Runs a mutation that must be accepted and answers its operation identifier. */
    String accept(String mutation, Map<String, ?> variables) {
        Map<String, Object> state = graphQL(mutation, variables).getMap("data.values()[0]");
        assertThat(state).containsEntry("__typename", "OperationAccepted");
        return (String) state.get("identifier");
    }

    /** The current type names of the operations' states, in request order, asked for 100 at a time. */
    List<String> stateTypes(List<String> operations) {
        List<String> types = new ArrayList<>();
        for (int from = 0; from < operations.size(); from += 100) {
            List<String> chunk = operations.subList(from, Math.min(from + 100, operations.size()));
            types.addAll(graphQL(QUEUE, Map.of("ids", chunk)).getList("data.queue.__typename"));
        }
        return types;
    }

    /** Waits until every operation is final, for as long as operations keep finishing. */
    void awaitFinal(List<String> operations) throws Exception {
        Progress.awaitAtLeast(operations.size(),
                () -> stateTypes(operations).stream().filter(type -> !UNFINISHED.contains(type)).count());
    }

    /** Asks the process to stop, as Kubernetes does (SIGTERM). */
    void terminate() {
        process.destroy();
    }

    /** Waits for the process to exit; answers whether it did within the time. */
    boolean awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the process at once, as a crash or an OOM kill would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Waits until the readiness endpoint answers one of the given HTTP statuses. */
    void awaitReadiness(Integer... statuses) {
        List<Integer> expected = List.of(statuses);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue());
            }
            try {
                return expected.contains(readiness().statusCode());
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The readiness endpoint's answer: 200 when ready, 503 with the failing checks when not. */
    HttpResponse<String> readiness() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

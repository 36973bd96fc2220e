package io.asyncstorefront.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service as the JavaScript tools that client developers bring see it, pinned in src/test/js/package-lock.json and
 * installed by npm into target/js-client. Needs Node.js and npm on the PATH; skipped without them.
 */
@QuarkusTest
class JavaScriptToolsTest {

    private static final Path SOURCES = Path.of("src", "test", "js");
    private static final Path TOOLS = Path.of("target", "js-client");
    /** graphql-schema-linter's rules but for sorting and Relay's (style) and camel case (the seed names increment_id). */
    private static final String LINT_RULES = String.join(",", "arguments-have-descriptions", "defined-types-are-used",
            "deprecations-have-a-reason", "descriptions-are-capitalized", "enum-values-all-caps",
            "enum-values-have-descriptions", "fields-have-descriptions", "input-object-values-are-camel-cased",
            "input-object-values-have-descriptions", "types-are-capitalized", "types-have-descriptions");

    @TestHTTPResource("/graphql")
    URI graphql;

    @BeforeEach
    void installTheTools() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"), "Node.js and npm run this test");
        Files.createDirectories(TOOLS);
        for (String file : List.of("package.json", "package-lock.json", "readme-session.mjs", "audit.mjs",
                "subscription.mjs")) {
            Files.copy(SOURCES.resolve(file), TOOLS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(TOOLS.resolve("node_modules/graphql-ws"))) { // the newest of the tools
            // Like a machine without Node.js, one that cannot reach the npm registry skips these tests.
            Run install = run("npm", "ci", "--no-audit", "--no-fund");
            assumeTrue(install.exit() == 0, () -> "npm ci could not install the tools:\n" + install.output());
        }
    }

    /**
     * readme-session.mjs runs the README's session through Apollo Client 4, configured as the README's Clients section
     * says, and checks that every state and snapshot reads back from its normalized cache as the service sent it.
     */
    @Test
    void theReadmeSessionThroughApolloClientReadsEveryStateAndSnapshotBackFromItsCacheAsSent() throws Exception {
        Run session = run("node", "readme-session.mjs", graphql.toString());

        assertThat(session.exit()).as("the session:%n%s", session.output()).isZero();
    }

    /** graphql-http's audit: the rules the GraphQL over HTTP specification says a server MUST follow all pass. */
    @Test
    void theGraphQLOverHttpAuditFindsEveryMustRuleFollowed() throws Exception {
        Run audit = run("node", "audit.mjs", graphql.toString());

        assertThat(audit.exit()).as("graphql-http's audit:%n%s", audit.output()).isZero();
    }

    /**
     * graphql-ws's client, which GraphiQL (the GraphQL UI), Apollo Client's GraphQLWsLink and urql use, follows an
     * operation to its final state over graphql-transport-ws. Node.js 20 has its WebSocket behind a flag.
     */
    @Test
    void graphqlWsFollowsAnOperationToItsFinalState() throws Exception {
        Run subscription = run("node", "--experimental-websocket", "subscription.mjs", graphql.toString());

        assertThat(subscription.exit()).as("graphql-ws:%n%s", subscription.output()).isZero();
    }

    @Test
    void graphqlSchemaLinterFindsNothingInThePublishedSchema() throws Exception {
        Files.writeString(TOOLS.resolve("schema.graphql"), given().when().get(PublishedSchema.PATH).asString());

        Run lint = run("node", "node_modules/graphql-schema-linter/lib/cli.js", "--format", "compact",
                "--rules", LINT_RULES, "schema.graphql");

        assertThat(lint.exit()).as("graphql-schema-linter:%n%s", lint.output()).isZero();
    }

    private record Run(int exit, String output) {
    }

    private static boolean runs(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command among the tools; a ceiling of ten minutes, for npm's downloads on a slow machine. */
    private static Run run(String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("js-client", ".log");
        Process process = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(10, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(exited ? process.exitValue() : -1, output);
    }
}

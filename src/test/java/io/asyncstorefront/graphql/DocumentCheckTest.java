package io.asyncstorefront.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.error.ErrorCode;
import io.asyncstorefront.support.MappingDefaults;

/** The document checks alone, with the default limits, before anything is executed. */
class DocumentCheckTest {

    /** The mapping's own defaults, read without the application. */
    private static final GraphQLLimits LIMITS = MappingDefaults.of(GraphQLLimits.class)
            .getConfigMapping(GraphQLLimits.class);

    private final DocumentCheck check = new DocumentCheck(LIMITS, new ParserLimits(LIMITS).options());

    @Test
    void aDocumentWithinTheLimitsPasses() {
        assertNull(check.problemOf("query { queue(operationIdentifiers: [\"x\"]) { __typename } }", null, false));
    }

    @Test
    void nestingIsCountedWithoutIntrospection() {
        String deep = "query { a ".repeat(1) + "{ b ".repeat(LIMITS.maxDepth()) + "}".repeat(LIMITS.maxDepth() + 1);
        GraphQLErrorBody problem = check.problemOf(deep, null, false);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, problem.code());
        assertEquals(LIMITS.maxDepth(), problem.extensions().limit());

        String schema = "query { __schema { types { fields { type " + "{ ofType ".repeat(LIMITS.maxDepth())
                + "{ name }" + " }".repeat(LIMITS.maxDepth() + 4);
        assertNull(check.problemOf(schema, null, false));
    }

    @Test
    void aliasesAreLimited() {
        StringBuilder query = new StringBuilder("query {");
        for (int i = 0; i <= LIMITS.maxAliases(); i++) {
            query.append(" a").append(i).append(": __typename");
        }
        GraphQLErrorBody problem = check.problemOf(query.append(" }").toString(), null, false);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, problem.code());
        assertEquals(LIMITS.maxAliases(), problem.extensions().limit());
    }

    @Test
    void aSyntaxErrorIsReportedWhereItIs() {
        GraphQLErrorBody problem = check.problemOf("query {\n  queue(", null, false);
        assertEquals(ErrorCode.GRAPHQL_PARSE_FAILED, problem.code());
        assertEquals(1, problem.locations().size());
        assertEquals(2, problem.locations().get(0)[0]);
    }

    @Test
    void idempotentOnlyOnATopLevelMutationField() {
        GraphQLErrorBody problem = check.problemOf(
                "query { queue(operationIdentifiers: []) @idempotent(key: \"k\") { __typename } }", null, false);
        assertEquals(ErrorCode.GRAPHQL_VALIDATION_FAILED, problem.code());
        assertTrue(problem.message().contains("@idempotent"), problem.message());
    }

    @Test
    void anOperationThatCannotBeChosenIsRefused() {
        assertThrows(DocumentCheck.Unselectable.class,
                () -> check.problemOf("query a { __typename } query b { __typename }", null, false));
        assertThrows(DocumentCheck.Unselectable.class, () -> check.problemOf("query a { __typename }", "c", false));
    }

    @Test
    void subscriptionsOverWebSocketAndTheRestOverHttp() {
        String subscription = "subscription { operationStates(operationIdentifiers: []) { __typename } }";
        String query = "query { __typename }";

        assertNull(check.problemOf(subscription, null, true));
        assertNull(check.problemOf(query, null, false));
        GraphQLErrorBody overHttp = check.problemOf(subscription, null, false);
        assertEquals(ErrorCode.BAD_REQUEST, overHttp.code());
        assertTrue(overHttp.message().contains("graphql-transport-ws"), overHttp.message());
        GraphQLErrorBody overWebSocket = check.problemOf(query, null, true);
        assertEquals(ErrorCode.BAD_REQUEST, overWebSocket.code());
        assertTrue(overWebSocket.message().contains("HTTP POST"), overWebSocket.message());
    }
}

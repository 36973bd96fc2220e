package io.asyncstorefront.graphql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.asyncstorefront.error.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a GraphQL POST the way GraphQL over HTTP asks, before SmallRye GraphQL runs it: a JSON media type, one JSON
 * object with a query string, an optional operationName string and variables object, nothing after it; text the database
 * can store; a document within the limits (DocumentCheck). A refused request writes nothing and gets one error that
 * follows the error contract.
 */
@ApplicationScoped
class RequestGate {

    private static final Logger LOG = Logger.getLogger(RequestGate.class);
    /** Documents that passed, so that a client's repeated document is checked once; bounded by clearing. */
    private static final int PASSED_DOCUMENTS = 1000;

    private final GraphQLLimits limits;
    private final ObjectMapper json;
    private final DocumentCheck documents;
    private final Map<String, Boolean> passed = new ConcurrentHashMap<>();

    RequestGate(GraphQLLimits limits, ParserLimits parserLimits) {
        this.limits = limits;
        this.json = new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth()).maxNumberLength(limits.maxNumberLength()).build()).build());
        this.documents = new DocumentCheck(limits, parserLimits.options());
    }

    void install(@Observes Router router) {
        // GraphQL over HTTP lets a server take queries by GET; this one takes every request by POST, so that one set of
        // checks guards every path.
        router.route("/graphql").order(-250).handler(this::refuseOtherMethods);
        // Ahead of SmallRye GraphQL's route, whose body handler then finds the body read.
        router.post("/graphql").order(-200)
                .handler(BodyHandler.create(false).setBodyLimit(limits.maxBodySize().asLongValue()))
                .handler(this::check)
                .failureHandler(this::failed);
    }

    private void refuseOtherMethods(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method == HttpMethod.POST || method == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        context.response().putHeader("Allow", "POST");
        refuse(context, 405, GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "GraphQL requests, queries included, are "
                + "served by POST with Content-Type application/json; this one is a " + method.name()));
    }

    private void check(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        if (!isJson(contentType)) {
            refuse(context, 415, GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "A GraphQL POST must have Content-Type "
                    + "application/json" + (contentType == null ? "; this one has none" : "; this one has " + contentType)
                    + (contentType != null && mediaType(contentType).equalsIgnoreCase(GraphQLResponses.GRAPHQL_RESPONSE)
                            ? ", the media type of answers"
                            : "")));
            return;
        }
        String charset = charsetOf(contentType);
        if (charset != null && !isUtf8(charset)) {
            refuse(context, 415, GraphQLErrorBody.of(ErrorCode.BAD_REQUEST,
                    "The request body's charset is " + charset + "; a GraphQL POST must be UTF-8"));
            return;
        }
        String accept = context.request().getHeader("Accept");
        String answerCharset = accept == null ? null : charsetOf(accept);
        if (answerCharset != null && !isUtf8(answerCharset)) {
            // SmallRye GraphQL would encode the answer in it while the answer says UTF-8.
            refuse(context, 406, GraphQLErrorBody.of(ErrorCode.BAD_REQUEST,
                    "The request accepts the charset " + answerCharset + "; answers are UTF-8"));
            return;
        }
        Buffer body = context.body().buffer();
        if (body == null || body.length() == 0) {
            refuse(context, 400, GraphQLErrorBody.of(ErrorCode.BAD_REQUEST,
                    "The request body is empty: send a JSON object with a query string"));
            return;
        }
        if (body.length() >= 3 && body.getByte(0) == (byte) 0xEF && body.getByte(1) == (byte) 0xBB
                && body.getByte(2) == (byte) 0xBF) {
            refuse(context, 400, GraphQLErrorBody.of(ErrorCode.BAD_REQUEST,
                    "The request body starts with a byte order mark; send JSON without one"));
            return;
        }
        String text;
        try {
            // Strictly, as SmallRye GraphQL reads it: Jackson alone would also take UTF-16 and UTF-32.
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body.getBytes())).toString();
        } catch (CharacterCodingException e) {
            refuse(context, 400, GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "The request body is not UTF-8"));
            return;
        }
        JsonNode request;
        try {
            request = readJson(text);
        } catch (NotJson e) {
            refuse(context, 400, e.error());
            return;
        }
        Optional<Refusal> refusal = refusalOf(request, false);
        if (refusal.isPresent()) {
            refuse(context, refusal.get().badRequest() ? 400 : GraphQLResponses.requestErrorStatus(context),
                    refusal.get().error());
            return;
        }
        GraphQLResponses.follow(context);
        context.next();
    }

    /** Why a request read as JSON is refused: a request that is not one (400 over HTTP), or a problem of its document. */
    record Refusal(boolean badRequest, GraphQLErrorBody error) {
    }

    /** The checks of a request's JSON object and document, over HTTP and over WebSocket alike. */
    Optional<Refusal> refusalOf(JsonNode request, boolean overWebSocket) {
        Optional<GraphQLErrorBody> malformed = malformed(request);
        if (malformed.isPresent()) {
            return Optional.of(new Refusal(true, malformed.get()));
        }
        JsonNode variables = request.get("variables");
        if (variables != null && variables.isObject()) {
            GraphQLErrorBody unstorable = unstorableText(variables, "$");
            if (unstorable != null) {
                return Optional.of(new Refusal(false, unstorable));
            }
        }
        String query = request.get("query").asText();
        JsonNode name = request.get("operationName");
        String operationName = name == null || name.isNull() ? null : name.asText();
        String key = (overWebSocket ? "ws\n" : "http\n") + (operationName == null ? "" : operationName) + '\n' + query;
        if (!passed.containsKey(key)) {
            GraphQLErrorBody problem;
            try {
                problem = documents.problemOf(query, operationName, overWebSocket);
            } catch (DocumentCheck.Unselectable e) {
                return Optional.of(new Refusal(true, GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, e.getMessage())));
            }
            if (problem != null) {
                return Optional.of(new Refusal(false, problem));
            }
            if (passed.size() >= PASSED_DOCUMENTS) {
                passed.clear();
            }
            passed.put(key, Boolean.TRUE);
        }
        return Optional.empty();
    }

    /** Reads a request's JSON within the limits on nesting and numbers; the message says what is wrong. */
    JsonNode readJson(String text) throws NotJson {
        try (JsonParser parser = json.createParser(text)) {
            JsonNode request = json.readTree(parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new NotJson(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "The request body has more after its "
                        + "JSON object, at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr())));
            }
            return request;
        } catch (StreamConstraintsException e) {
            throw new NotJson(e.getMessage().contains("nesting")
                    ? GraphQLErrorBody.limit("The request body nests JSON deeper than %d levels"
                            .formatted(limits.maxJsonDepth()), limits.maxJsonDepth())
                    : GraphQLErrorBody.limit("A number in the request body has more than %d digits"
                            .formatted(limits.maxNumberLength()), limits.maxNumberLength()));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new NotJson(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "The request body is not valid JSON"
                    + (at == null ? "" : " at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr()))));
        } catch (IOException e) {
            throw new NotJson(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "The request body could not be read"));
        }
    }

    /** Text that is not one JSON value within the limits. */
    static final class NotJson extends Exception {

        private final transient GraphQLErrorBody error;

        NotJson(GraphQLErrorBody error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        GraphQLErrorBody error() {
            return error;
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && mediaType(contentType).equalsIgnoreCase("application/json");
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
    }

    private static boolean isUtf8(String charset) {
        return charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
    }

    /** The charset parameter of a media type, unquoted, or null when it has none. */
    private static String charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
                String value = parameter.substring(equals + 1).trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return null;
    }

    private static Optional<GraphQLErrorBody> malformed(JsonNode request) {
        if (request == null || request.isMissingNode()) {
            return Optional.of(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST,
                    "The request body is empty: send a JSON object with a query string"));
        }
        if (!request.isObject()) {
            return Optional.of(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST,
                    "The request body must be a JSON object with a query string"));
        }
        JsonNode query = request.get("query");
        if (query == null || !query.isTextual()) {
            return Optional.of(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "The request has no query string"));
        }
        if (query.textValue().isBlank()) {
            return Optional.of(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST,
                    "The query is empty: send a GraphQL document, such as { __typename }"));
        }
        JsonNode name = request.get("operationName");
        if (name != null && !name.isNull() && !name.isTextual()) {
            return Optional.of(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "operationName must be a string"));
        }
        JsonNode variables = request.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            return Optional.of(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "variables must be a JSON object"));
        }
        JsonNode extensions = request.get("extensions");
        if (extensions != null && !extensions.isNull() && !extensions.isObject()) {
            return Optional.of(GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "extensions must be a JSON object"));
        }
        return Optional.empty();
    }

    private static GraphQLErrorBody unstorableText(JsonNode node, String path) {
        if (node.isTextual()) {
            String problem = StorableText.problemOf(node.textValue());
            return problem == null ? null : GraphQLErrorBody.input(path, "Variable " + path + " " + problem);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                GraphQLErrorBody problem = unstorableText(node.get(i), path + "[" + i + "]");
                if (problem != null) {
                    return problem;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.equals("$") ? "$" + field.getKey() : path + "." + field.getKey();
                String keyProblem = StorableText.problemOf(field.getKey());
                if (keyProblem != null) {
                    return GraphQLErrorBody.input(path, "A field name in variable " + path + " " + keyProblem);
                }
                GraphQLErrorBody problem = unstorableText(field.getValue(), fieldPath);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static void refuse(RoutingContext context, int status, GraphQLErrorBody error) {
        LOG.debugf("Refused a GraphQL request with %d: %s", status, error.message());
        context.response().setStatusCode(status).putHeader("Content-Type", GraphQLResponses.contentType(context))
                .end(error.encode());
    }

    /** Failures of this route and of SmallRye GraphQL's, before anything was sent. */
    private void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        if (context.statusCode() == 413) {
            refuse(context, 413, GraphQLErrorBody.limit("The request body is larger than %d bytes"
                    .formatted(limits.maxBodySize().asLongValue()), (int) limits.maxBodySize().asLongValue()));
            return;
        }
        if (context.statusCode() >= 400 && context.statusCode() < 500) {
            refuse(context, context.statusCode(), GraphQLErrorBody.of(ErrorCode.BAD_REQUEST,
                    "The request could not be read"));
            return;
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(context.failure(), "Internal error %s while serving a GraphQL request", reference);
        refuse(context, 500, GraphQLErrorBody.internal(reference));
    }
}

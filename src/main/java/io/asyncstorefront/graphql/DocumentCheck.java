package io.asyncstorefront.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import io.asyncstorefront.error.ErrorCode;

/**
 * The checks a document passes before it is executed: it parses within the parser's limits, names one operation, stays
 * within the alias, top-level mutation, depth and complexity limits, and holds only text the database can store.
 * Introspection fields (__schema, __type) are not counted, so that the GraphQL UI keeps working.
 */
final class DocumentCheck {

    /** Answers a request whose operation cannot be chosen with 400, whatever the response's media type. */
    static final class Unselectable extends RuntimeException {

        Unselectable(String message) {
            super(message, null, false, false);
        }
    }

    private final GraphQLLimits limits;
    private final ParserOptions parserOptions;

    DocumentCheck(GraphQLLimits limits, ParserOptions parserOptions) {
        this.limits = limits;
        this.parserOptions = parserOptions;
    }

    /**
     * The problem of the document with the operation to run, or null when it may be executed: subscriptions over
     * WebSocket only, queries and mutations over HTTP only, so that each transport has one set of checks.
     */
    GraphQLErrorBody problemOf(String query, String operationName, boolean overWebSocket) {
        if (query.length() > limits.maxCharacters()) {
            return GraphQLErrorBody.limit("The document has %d characters; the limit is %d"
                    .formatted(query.length(), limits.maxCharacters()), limits.maxCharacters());
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(parserOptions).build());
        } catch (ParseCancelledTooDeepException e) {
            return GraphQLErrorBody.limit("The document nests deeper than the parser accepts", limits.maxDepth());
        } catch (ParseCancelledTooManyCharsException e) {
            return GraphQLErrorBody.limit("The document has more than %d characters".formatted(limits.maxCharacters()),
                    limits.maxCharacters());
        } catch (ParseCancelledException e) {
            return GraphQLErrorBody.limit("The document has more than %d tokens".formatted(limits.maxTokens()),
                    limits.maxTokens());
        } catch (InvalidSyntaxException e) {
            GraphQLErrorBody error = GraphQLErrorBody.of(ErrorCode.GRAPHQL_PARSE_FAILED, e.getMessage());
            return e.getLocation() == null ? error : error.at(e.getLocation().getLine(), e.getLocation().getColumn());
        }
        OperationDefinition operation = select(document.getDefinitionsOfType(OperationDefinition.class), operationName);
        if (operation == null) {
            return null;
        }
        boolean subscription = operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
        if (subscription && !overWebSocket) {
            return GraphQLErrorBody.of(ErrorCode.BAD_REQUEST, "A subscription is served over WebSocket at this "
                    + "address, with the subprotocol graphql-transport-ws");
        }
        if (!subscription && overWebSocket) {
            return GraphQLErrorBody.of(ErrorCode.BAD_REQUEST,
                    "Over WebSocket only subscriptions are served: send queries and mutations as an HTTP POST");
        }
        Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
                .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (first, second) -> first));
        int aliases = countAliases(document);
        if (aliases > limits.maxAliases()) {
            return GraphQLErrorBody.limit("The document uses %d aliases; the limit is %d"
                    .formatted(aliases, limits.maxAliases()), limits.maxAliases());
        }
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            int roots = rootFields(operation.getSelectionSet(), fragments, new HashSet<>());
            if (roots > limits.maxRootMutationFields()) {
                return GraphQLErrorBody.limit("The operation has %d top-level mutation fields; the limit is %d"
                        .formatted(roots, limits.maxRootMutationFields()), limits.maxRootMutationFields());
            }
        }
        Shape shape = new Shape(fragments, limits.maxComplexity());
        shape.walk(operation.getSelectionSet(), 1, new HashSet<>());
        if (shape.depth > limits.maxDepth()) {
            return GraphQLErrorBody.limit("The operation nests fields %d deep; the limit is %d"
                    .formatted(shape.depth, limits.maxDepth()), limits.maxDepth());
        }
        if (shape.fields > limits.maxComplexity()) {
            return GraphQLErrorBody.limit("The operation selects more than %d fields (each fragment counted where it is spread)"
                    .formatted(limits.maxComplexity()), limits.maxComplexity());
        }
        GraphQLErrorBody misplaced = misplacedIdempotent(operation, fragments);
        return misplaced != null ? misplaced : unstorableText(document);
    }

    /** @idempotent anywhere but on a top-level field of a mutation, where it would protect nothing. */
    private static GraphQLErrorBody misplacedIdempotent(OperationDefinition operation,
            Map<String, FragmentDefinition> fragments) {
        Set<Field> allowed = Collections.newSetFromMap(new IdentityHashMap<>());
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            collectFields(operation.getSelectionSet(), fragments, new HashSet<>(), false, allowed);
        }
        Set<Field> all = Collections.newSetFromMap(new IdentityHashMap<>());
        collectFields(operation.getSelectionSet(), fragments, new HashSet<>(), true, all);
        for (Field field : all) {
            if (field.hasDirective(Directives.IDEMPOTENT) && !allowed.contains(field)) {
                GraphQLErrorBody error = GraphQLErrorBody.of(ErrorCode.GRAPHQL_VALIDATION_FAILED,
                        "@%s applies to top-level mutation fields; '%s' is not one"
                                .formatted(Directives.IDEMPOTENT, field.getName()));
                SourceLocation at = field.getSourceLocation();
                return at == null ? error : error.at(at.getLine(), at.getColumn());
            }
        }
        return null;
    }

    /** The fields of the set, through fragments, and with {@code deep} those of every level below. */
    private static void collectFields(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> entered,
            boolean deep, Set<Field> fields) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                fields.add(field);
                if (deep) {
                    collectFields(field.getSelectionSet(), fragments, entered, true, fields);
                }
            } else if (selection instanceof InlineFragment inline) {
                collectFields(inline.getSelectionSet(), fragments, entered, deep, fields);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && entered.add(spread.getName())) {
                collectFields(fragments.get(spread.getName()).getSelectionSet(), fragments, entered, deep, fields);
                entered.remove(spread.getName());
            }
        }
    }

    private static OperationDefinition select(List<OperationDefinition> operations, String name) {
        if (name == null || name.isEmpty()) {
            if (operations.size() > 1) {
                throw new Unselectable("The document has %d operations (%s): name the one to run in operationName"
                        .formatted(operations.size(), names(operations)));
            }
            return operations.isEmpty() ? null : operations.get(0);
        }
        return operations.stream().filter(operation -> name.equals(operation.getName())).findFirst()
                .orElseThrow(() -> new Unselectable("The document has no operation named '%s'%s".formatted(name,
                        operations.isEmpty() ? "" : "; it has " + names(operations))));
    }

    private static String names(List<OperationDefinition> operations) {
        return operations.stream().map(o -> o.getName() == null ? "an unnamed one" : o.getName())
                .collect(Collectors.joining(", "));
    }

    private static int countAliases(Node<?> node) {
        int count = node instanceof Field field && field.getAlias() != null ? 1 : 0;
        for (Node<?> child : node.getChildren()) {
            count += countAliases(child);
        }
        return count;
    }

    private static int rootFields(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> entered) {
        int count = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field) {
                count++;
            } else if (selection instanceof InlineFragment inline) {
                count += rootFields(inline.getSelectionSet(), fragments, entered);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && entered.add(spread.getName())) {
                count += rootFields(fragments.get(spread.getName()).getSelectionSet(), fragments, entered);
                entered.remove(spread.getName());
            }
        }
        return count;
    }

    /** Depth and field count of an operation, fragments expanded where spread; stops counting beyond the limit. */
    private static final class Shape {

        private final Map<String, FragmentDefinition> fragments;
        private final int maxFields;
        private int depth;
        private int fields;

        Shape(Map<String, FragmentDefinition> fragments, int maxFields) {
            this.fragments = fragments;
            this.maxFields = maxFields;
        }

        void walk(SelectionSet set, int level, Set<String> entered) {
            if (set == null) {
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (fields > maxFields) {
                    return;
                }
                if (selection instanceof Field field) {
                    if (field.getName().equals("__schema") || field.getName().equals("__type")) {
                        continue;
                    }
                    fields++;
                    depth = Math.max(depth, level);
                    walk(field.getSelectionSet(), level + 1, entered);
                } else if (selection instanceof InlineFragment inline) {
                    walk(inline.getSelectionSet(), level, entered);
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                        && entered.add(spread.getName())) {
                    // A spread counts as a field too, so that fragments of introspection alone cannot multiply unseen.
                    fields++;
                    walk(fragments.get(spread.getName()).getSelectionSet(), level, entered);
                    entered.remove(spread.getName());
                }
            }
        }
    }

    private static GraphQLErrorBody unstorableText(Document document) {
        List<GraphQLErrorBody> problems = new ArrayList<>();
        visit(document, "", problems);
        return problems.isEmpty() ? null : problems.get(0);
    }

    private static void visit(Node<?> node, String path, List<GraphQLErrorBody> problems) {
        if (node == null || !problems.isEmpty()) {
            return;
        }
        if (node instanceof StringValue string) {
            String problem = StorableText.problemOf(string.getValue());
            if (problem != null) {
                GraphQLErrorBody error = GraphQLErrorBody.input(path, path + " " + problem);
                SourceLocation at = string.getSourceLocation();
                problems.add(at == null ? error : error.at(at.getLine(), at.getColumn()));
            }
            return;
        }
        if (node instanceof Field field) {
            for (Argument argument : field.getArguments()) {
                visit(argument.getValue(), argument.getName(), problems);
            }
            visit(field.getSelectionSet(), "", problems);
            return;
        }
        if (node instanceof VariableDefinition variable) {
            if (variable.getDefaultValue() != null) {
                visit(variable.getDefaultValue(), "$" + variable.getName(), problems);
            }
            return;
        }
        if (node instanceof ArrayValue array) {
            List<Value> values = array.getValues();
            for (int i = 0; i < values.size(); i++) {
                visit(values.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (node instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                visit(field.getValue(), path + "." + field.getName(), problems);
            }
            return;
        }
        for (Node<?> child : node.getChildren()) {
            visit(child, path, problems);
        }
    }
}

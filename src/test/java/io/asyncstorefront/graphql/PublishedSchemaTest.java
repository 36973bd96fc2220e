package io.asyncstorefront.graphql;

import static io.asyncstorefront.support.GraphQLClient.execute;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * /graphql/schema.graphql as GraphQL tools read it: it loads as it is, equals what introspection answers, and describes
 * everything a client generates code from.
 */
@QuarkusTest
class PublishedSchemaTest {

    private static final Pattern LIMIT = Pattern.compile("[Aa]t most \\S+");

    @Test
    void thePublishedSchemaLoadsAsItIsAndEqualsWhatIntrospectionAnswers() {
        Response published = given().when().get(PublishedSchema.PATH);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.contentType()).startsWith("application/graphql");

        GraphQLSchema fromSdl = UnExecutableSchemaGenerator
                .makeUnExecutableSchema(new SchemaParser().parse(published.asString()));
        Map<String, Object> introspected = execute(IntrospectionQuery.INTROSPECTION_QUERY).getMap("data");
        GraphQLSchema fromIntrospection = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
                .buildRegistry(new IntrospectionResultToSchema().createSchemaDefinition(introspected)));

        assertThat(ClientSchema.print(fromSdl)).isEqualTo(ClientSchema.print(fromIntrospection));
        assertThat(published.asString())
                .contains("scalar Decimal")
                .contains("directive @idempotent(")
                .doesNotContain("BigDecimal", "BigInteger", "PersistedState");
    }

    @Test
    void theSchemaGeneratedFromJavaTypesHasTheOperationTypesOfTheSeed() {
        GraphQLSchema schema = published();

        assertThat(GraphQLTypeUtil.simplePrint(schema.getMutationType().getField("createEmptyCart").getType()))
                .isEqualTo("OperationStateInterface!");
        for (String state : List.of("OperationAccepted", "OperationInProgress", "OperationCompleted", "OperationFailed",
                "OperationCancelled")) {
            assertThat(interfaces(schema, state)).as(state).containsExactly("OperationStateInterface");
        }
        for (String completed : List.of("PersistOperationCompleted", "CartSaveOperationCompleted",
                "CartsMutationCompleted", "ProductsMutationCompleted", "CustomersMutationCompleted")) {
            assertThat(interfaces(schema, completed)).as(completed)
                    .containsExactlyInAnyOrder("OperationStateInterface", "PersistOperationInterface");
        }
        for (String report : List.of("LogicalErrorReport", "ValidationErrorReport", "SystemErrorReport",
                "PrecedingStepFailedReport")) {
            assertThat(interfaces(schema, report)).as(report).containsExactly("FailureReportInterface");
        }
        assertThat(((GraphQLUnionType) schema.getType("FailureReport")).getTypes()).extracting(GraphQLNamedType::getName)
                .containsExactlyInAnyOrder("LogicalErrorReport", "PrecedingStepFailedReport", "SystemErrorReport",
                        "ValidationErrorReport");
        assertThat(fieldType(schema, "OperationFailed", "failures")).isEqualTo("[FailureReportInterface!]!");
        assertThat(fieldType(schema, "CartConnectionNode", "increment_id")).isEqualTo("String!");
        assertThat(schema.getType("OperationStateInterface")).isInstanceOf(GraphQLInterfaceType.class);
    }

    @Test
    void typesStateWhatTheServiceNeverAnswersAsNullAndCarryGlobalIds() {
        GraphQLSchema schema = published();

        assertThat(GraphQLTypeUtil.simplePrint(schema.getQueryType().getField("queue").getType()))
                .isEqualTo("[OperationStateInterface]!");
        assertThat(fieldType(schema, "PersistOperationInterface", "changedEntities")).isEqualTo("[ChangedEntity!]!");
        assertThat(fieldType(schema, "ChangedEntity", "identifiers")).isEqualTo("[String!]!");
        assertThat(fieldType(schema, "ProductConnectionNode", "price")).isEqualTo("Decimal!");
        assertThat(GraphQLTypeUtil.simplePrint(((GraphQLInputObjectType) schema.getType("CartItemInput"))
                .getField("qty").getType())).isEqualTo("Int!");
        for (String type : List.of("OperationStateInterface", "OperationAccepted", "OperationInProgress",
                "OperationCompleted", "PersistOperationCompleted", "CartSaveOperationCompleted", "OperationFailed",
                "OperationCancelled", "CartConnectionNode", "ProductConnectionNode", "CustomerConnectionNode")) {
            assertThat(fieldType(schema, type, "id")).as(type).isEqualTo("ID!");
        }
        assertThat(fieldType(schema, "CartSaveOperationCompleted", "cart")).isEqualTo("CartSnapshot!");
        assertThat(fieldType(schema, "CartsMutationCompleted", "carts")).isEqualTo("[CartSnapshot!]!");
        assertThat(((GraphQLFieldsContainer) schema.getType("CartSnapshot")).getFieldDefinition("id")).isNull();
    }

    /** graphql-schema-linter's description rules, and every list argument with its limit. */
    @Test
    void everyTypeFieldArgumentAndInputFieldIsDescribedAndEveryListArgumentNamesItsLimit() {
        GraphQLSchema schema = published();
        List<String> undescribed = new ArrayList<>();
        List<String> unlimited = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__") || GraphQLTypeUtil.isScalar(type) && isBuiltIn(type.getName())) {
                continue;
            }
            if (blank(type.getDescription())) {
                undescribed.add(type.getName());
            }
            if (type instanceof GraphQLFieldsContainer container) {
                for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
                    String at = type.getName() + "." + field.getName();
                    if (blank(field.getDescription())) {
                        undescribed.add(at);
                    }
                    for (GraphQLArgument argument : field.getArguments()) {
                        if (blank(argument.getDescription())) {
                            undescribed.add(at + "(" + argument.getName() + ")");
                        } else if (GraphQLTypeUtil.unwrapNonNull(argument.getType()) instanceof GraphQLList
                                && !LIMIT.matcher(argument.getDescription()).find()) {
                            unlimited.add(at + "(" + argument.getName() + ")");
                        }
                    }
                }
            }
            if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().stream().filter(field -> blank(field.getDescription()))
                        .forEach(field -> undescribed.add(type.getName() + "." + field.getName()));
            }
            if (type instanceof GraphQLEnumType enumeration) {
                enumeration.getValues().stream().filter(value -> blank(value.getDescription()))
                        .forEach(value -> undescribed.add(type.getName() + "." + value.getName()));
            }
        }
        schema.getDirectives().stream().filter(directive -> !isBuiltIn(directive.getName()))
                .forEach(directive -> {
                    if (blank(directive.getDescription())) {
                        undescribed.add("@" + directive.getName());
                    }
                    directive.getArguments().stream().filter(argument -> blank(argument.getDescription()))
                            .forEach(argument -> undescribed.add("@" + directive.getName() + "(" + argument.getName() + ")"));
                });

        assertThat(undescribed).as("without a description").isEmpty();
        assertThat(unlimited).as("list arguments whose description names no limit (\"At most …\")").isEmpty();
    }

    private static GraphQLSchema published() {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(given().when().get(PublishedSchema.PATH).asString()));
    }

    private static List<String> interfaces(GraphQLSchema schema, String type) {
        return ((GraphQLObjectType) schema.getType(type)).getInterfaces().stream().map(GraphQLNamedType::getName).toList();
    }

    private static String fieldType(GraphQLSchema schema, String type, String field) {
        GraphQLFieldDefinition definition = ((GraphQLFieldsContainer) schema.getType(type)).getFieldDefinition(field);
        return definition == null ? null : GraphQLTypeUtil.simplePrint(definition.getType());
    }

    private static boolean isBuiltIn(String name) {
        return List.of("String", "Int", "Float", "Boolean", "ID", "skip", "include", "deprecated", "specifiedBy", "oneOf",
                "defer", "experimental_disableErrorPropagation").contains(name);
    }

    private static boolean blank(String description) {
        return description == null || description.isBlank();
    }
}

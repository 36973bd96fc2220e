package io.asyncstorefront.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import graphql.GraphQL;
import graphql.Scalars;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SchemaTransformer;
import graphql.schema.TypeResolver;
import graphql.schema.idl.SchemaPrinter;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;

/**
 * The schema clients see, served and published alike: SmallRye GraphQL's, with scalars a client can rely on. Int
 * coerces as the specification says (SmallRye GraphQL's Int wraps literals beyond 32 bits around, 4294967297 to 1, and
 * takes strings and fractions); decimal amounts are the scalar Decimal (DecimalScalar). Loaded by SmallRye GraphQL as an
 * EventingService.
 */
public class ClientSchema implements EventingService {

    /** SmallRye GraphQL loads an EventingService only while its key is true; application.properties sets it. */
    static final String ENABLED = "storefront.client-schema.enabled";

    /** The directives every GraphQL implementation knows, which a published schema does not declare again. */
    private static final Set<String> BUILT_IN_DIRECTIVES = Set.of("skip", "include", "deprecated", "specifiedBy",
            "oneOf", "defer", "experimental_disableErrorPropagation");

    private static final Set<String> INFORMATIVE_DIRECTIVES = Set.of("constraint", "rolesAllowed");

    @Override
    public String getConfigKey() {
        return ENABLED;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // The builder does not show its schema: a GraphQL built from it does.
        return builder.schema(of(builder.build().getGraphQLSchema()));
    }

    /** The schema clients see, made from SmallRye GraphQL's generated schema once (see Transformed). */
    static GraphQLSchema of(GraphQLSchema generated) {
        Transformed known = last;
        if (known != null && known.generated() == generated) {
            return known.client();
        }
        synchronized (ClientSchema.class) {
            if (last == null || last.generated() != generated) {
                last = new Transformed(generated,
                        resolvingToOwnTypes(describedAsInterfaces(withClientScalars(generated))));
            }
            return last.client();
        }
    }

    /**
     * The one transformation of the generated schema, which the execution and the published SDL share: graphql-java's
     * SchemaTransformer resolves type references in place, on elements that a second transformation of the same schema
     * shares with the first, so that a second one would leave the first schema's argument types unequal to its own.
     */
    private record Transformed(GraphQLSchema generated, GraphQLSchema client) {
    }

    private static volatile Transformed last;

    /**
     * SmallRye GraphQL resolves an interface or union to the object types it built, which the transformations replace:
     * graphql-java matches fragments on types by identity, so each is resolved to the transformed schema's type of that
     * name.
     */
    private static GraphQLSchema resolvingToOwnTypes(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        return schema.transform(builder -> builder.codeRegistry(registry.transform(code -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                TypeResolver generated = type instanceof GraphQLInterfaceType implemented
                        ? registry.getTypeResolver(implemented)
                        : type instanceof GraphQLUnionType union ? registry.getTypeResolver(union) : null;
                if (generated != null) {
                    code.typeResolver(type.getName(), environment -> {
                        GraphQLObjectType resolved = generated.getType(environment);
                        return resolved == null ? null : environment.getSchema().getObjectType(resolved.getName());
                    });
                }
            }
        })));
    }

    /**
     * The scalars above in place of SmallRye GraphQL's, and without its informative directives (@constraint,
     * @rolesAllowed): introspection does not show where they apply, so a published schema with them would differ from
     * what introspection answers; the descriptions state the limits. @idempotent gets its argument's description.
     */
    private static GraphQLSchema withClientScalars(GraphQLSchema generated) {
        return SchemaTransformer.transformSchema(generated, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLAppliedDirective(GraphQLAppliedDirective directive,
                    TraverserContext<GraphQLSchemaElement> context) {
                return INFORMATIVE_DIRECTIVES.contains(directive.getName()) ? deleteNode(context)
                        : TraversalControl.CONTINUE;
            }

            @Override
            public TraversalControl visitGraphQLDirective(GraphQLDirective directive,
                    TraverserContext<GraphQLSchemaElement> context) {
                if (INFORMATIVE_DIRECTIVES.contains(directive.getName())) {
                    return deleteNode(context);
                }
                if (directive.getName().equals(Directives.IDEMPOTENT)) {
                    return changeNode(context, directive.transform(builder -> builder.replaceArguments(
                            directive.getArguments().stream().map(argument -> argument.getName().equals("key")
                                    ? argument.transform(described -> described.description(Directives.IDEMPOTENT_KEY))
                                    : argument).toList())));
                }
                return TraversalControl.CONTINUE;
            }

            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar,
                    TraverserContext<GraphQLSchemaElement> context) {
                if (scalar.getName().equals("Int") && scalar != Scalars.GraphQLInt) {
                    return changeNode(context, Scalars.GraphQLInt);
                }
                if (scalar.getName().equals("BigDecimal")) {
                    return changeNode(context, DecimalScalar.TYPE);
                }
                return TraversalControl.CONTINUE;
            }
        });
    }

    /**
     * A field that implements an interface's field says what the interface says of it, unless it says more: SmallRye
     * GraphQL describes a field only where its getter is declared.
     */
    private static GraphQLSchema describedAsInterfaces(GraphQLSchema schema) {
        Map<FieldCoordinates, String> inherited = new HashMap<>();
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream().filter(GraphQLObjectType.class::isInstance)
                .map(GraphQLObjectType.class::cast).toList()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (field.getDescription() == null) {
                    type.getInterfaces().stream()
                            .map(implemented -> ((GraphQLInterfaceType) schema.getType(implemented.getName()))
                                    .getFieldDefinition(field.getName()))
                            .filter(declared -> declared != null && declared.getDescription() != null).findFirst()
                            .ifPresent(declared -> inherited.put(FieldCoordinates.coordinates(type, field),
                                    declared.getDescription()));
                }
            }
        }
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                    TraverserContext<GraphQLSchemaElement> context) {
                if (context.getParentNode() instanceof GraphQLObjectType type) {
                    String description = inherited.get(FieldCoordinates.coordinates(type, field));
                    if (description != null) {
                        return changeNode(context, field.transform(builder -> builder.description(description)));
                    }
                }
                return TraversalControl.CONTINUE;
            }
        });
    }

    /** The schema as SDL: every type, custom scalar and custom directive declared, so that tools load it as it is. */
    static String print(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeDirectiveDefinition(name -> !BUILT_IN_DIRECTIVES.contains(name))
                .includeSchemaDefinition(false)
                .includeIntrospectionTypes(false)
                .descriptionsAsHashComments(false))
                .print(schema);
    }
}

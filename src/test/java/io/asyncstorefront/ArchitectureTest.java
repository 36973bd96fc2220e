package io.asyncstorefront;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Type;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.asyncstorefront.operation.state.OperationStateInterface;
import io.asyncstorefront.operation.state.PersistOperationInterface;
import io.smallrye.graphql.api.Subscription;
import io.vertx.mutiny.sqlclient.Pool;

/** The dependency rules that keep the operation machinery apart from the storefront domain. */
@AnalyzeClasses(packages = "io.asyncstorefront", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The conformance tests read the schema that the tests run: only production code may add to it. */
    @ArchTest
    static void noTestCodeAddsToTheSchema(JavaClasses ignored) {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.asyncstorefront");
        noClasses().should().beAnnotatedWith(GraphQLApi.class).allowEmptyShould(true).check(tests);
    }

    /**
     * Subscriptions push what the operation machinery follows (OperationFollowers, bounded per instance): a domain
     * feature that pushed would need bounds of its own.
     */
    @ArchTest
    static final ArchRule onlyTheOperationFeaturePushes = methods()
            .that().areAnnotatedWith(Subscription.class)
            .should().beDeclaredInClassesThat().resideInAPackage("io.asyncstorefront.operation.api..");

    @ArchTest
    static final ArchRule theOperationMachineryKnowsNothingOfTheStorefront = noClasses()
            .that().resideInAPackage("io.asyncstorefront.operation..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.asyncstorefront.cart..", "io.asyncstorefront.catalog..", "io.asyncstorefront.customer..");

    /**
     * The operation machinery answers client mistakes with io.asyncstorefront.error, never with the GraphQL edge's
     * classes; only the operation feature's own GraphQL APIs (api, control) use the edge.
     */
    @ArchTest
    static final ArchRule theOperationMachineryKnowsNothingOfTheGraphQLEdge = noClasses()
            .that().resideInAPackage("io.asyncstorefront.operation..")
            .and().resideOutsideOfPackages("io.asyncstorefront.operation.api..", "io.asyncstorefront.operation.control..")
            .should().dependOnClassesThat().resideInAPackage("io.asyncstorefront.graphql..");

    /** Client-facing errors are plain values that the edge translates: they know neither the edge nor the machinery. */
    @ArchTest
    static final ArchRule clientErrorsDependOnNothingOfTheService = noClasses()
            .that().resideInAPackage("io.asyncstorefront.error..")
            .should().dependOnClassesThat().resideInAnyPackage("io.asyncstorefront.graphql..",
                    "io.asyncstorefront.operation..", "io.asyncstorefront.cart..", "io.asyncstorefront.catalog..",
                    "io.asyncstorefront.customer..");

    @ArchTest
    static final ArchRule theSharedEntityHandlersKnowNoEntityInParticular = noClasses()
            .that().resideInAPackage("io.asyncstorefront.entity..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.asyncstorefront.cart..", "io.asyncstorefront.catalog..", "io.asyncstorefront.customer..");

    /** The warm-up rehearses through the HTTP port, as a client would: it knows no class of the features it runs. */
    @ArchTest
    static final ArchRule theWarmUpIsAClientOfThePublishedApi = noClasses()
            .that().resideInAPackage("io.asyncstorefront.warmup..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.asyncstorefront..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("io.asyncstorefront.warmup..",
                            "io.asyncstorefront.operation.config.."))));

    @ArchTest
    static final ArchRule catalogAndCustomersKnowNothingOfCarts = noClasses()
            .that().resideInAnyPackage("io.asyncstorefront.catalog..", "io.asyncstorefront.customer..")
            .should().dependOnClassesThat().resideInAPackage("io.asyncstorefront.cart..");

    @ArchTest
    static final ArchRule entitiesKnowNothingOfHowTheyAreServed = noClasses()
            .that().resideInAPackage("..model..")
            .should().dependOnClassesThat().resideInAnyPackage("..api..", "..command..", "..view..", "..repository..");

    @ArchTest
    static final ArchRule domainCodeReachesOperationsOnlyThroughTheirPublicFace = noClasses()
            .that().resideInAnyPackage("io.asyncstorefront.cart..", "io.asyncstorefront.catalog..",
                    "io.asyncstorefront.customer..")
            .should().dependOnClassesThat().resideInAnyPackage("io.asyncstorefront.operation.ledger..",
                    "io.asyncstorefront.operation.messaging..", "io.asyncstorefront.operation.processing..");

    @ArchTest
    static final ArchRule onlyTheConfigurationLoadsTheEmbeddedServers = noClasses()
            .that().resideOutsideOfPackage("io.asyncstorefront.embedded..")
            .should().dependOnClassesThat().resideInAPackage("io.asyncstorefront.embedded..");

    /* SmallRye GraphQL reads a type's interfaces from its own declaration; an inherited one leaves it unresolvable. */
    @ArchTest
    static final ArchRule everyOperationStateDeclaresItsInterfacesItself = classes()
            .that().implement(OperationStateInterface.class).and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should(new DeclaresItsGraphQLInterfaces(OperationStateInterface.class, PersistOperationInterface.class));

    /* The ledger stores final states and reports as JSON typed by these names: a renamed class must not orphan rows. */
    @ArchTest
    static final ArchRule everyStoredStateAndReportDeclaresItsNames = classes()
            .that().implement(OperationStateInterface.class).or().implement(FailureReportInterface.class)
            .and().doNotHaveModifier(JavaModifier.ABSTRACT).and().areNotInterfaces()
            .should().beAnnotatedWith(JsonTypeName.class).andShould().beAnnotatedWith(Type.class);

    /*
     * Two executors reach PostgreSQL: the Hibernate Reactive session, for statements that must commit with a batch's
     * entity changes (the processor, the command handlers, accepting in sync mode), and the raw Pool, for statements
     * that stand alone (reads for the edge, accepting groups, the relay, retries). A class that used both would run
     * statements of one job in two transactions.
     */
    @ArchTest
    static final ArchRule eachClassReachesTheDatabaseThroughOneExecutor = noClasses()
            .that(DescribedPredicate.describe("use the Pool", (JavaClass user) -> user.getDirectDependenciesFromSelf()
                    .stream().anyMatch(dependency -> dependency.getTargetClass().isEquivalentTo(Pool.class))))
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate.reactive..",
                    "io.quarkus.hibernate.reactive..");

    /* A handler's writes must commit with the operation's final state: in the processor's session, never on the Pool. */
    @ArchTest
    static final ArchRule commandsWriteWithinTheProcessorsTransaction = noClasses()
            .that().resideInAnyPackage("..command..", "..repository..").and().haveSimpleNameNotEndingWith("Queries")
            .should().dependOnClassesThat().haveFullyQualifiedName(Pool.class.getName());

    /* Reads for the GraphQL edge run concurrently, one per root field: a shared session would fail them. */
    @ArchTest
    static final ArchRule readsForTheEdgeUseThePool = noClasses()
            .that().haveSimpleNameEndingWith("Queries").or().haveSimpleName("OperationStates")
            .should().dependOnClassesThat().resideInAnyPackage("org.hibernate.reactive..",
                    "io.quarkus.hibernate.reactive..");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.asyncstorefront.(**)").should().beFreeOfCycles();

    /** A class names each of these interfaces that it is assignable to in its own implements clause. */
    private static final class DeclaresItsGraphQLInterfaces extends ArchCondition<JavaClass> {

        private final List<Class<?>> interfaces;

        DeclaresItsGraphQLInterfaces(Class<?>... interfaces) {
            super("declare the GraphQL interfaces it implements itself");
            this.interfaces = List.of(interfaces);
        }

        @Override
        public void check(JavaClass javaClass, ConditionEvents events) {
            for (Class<?> type : interfaces) {
                if (javaClass.isAssignableTo(type)) {
                    boolean direct = javaClass.getRawInterfaces().stream().anyMatch(raw -> raw.isEquivalentTo(type));
                    events.add(new SimpleConditionEvent(javaClass, direct,
                            javaClass.getName() + (direct ? " declares " : " does not declare ") + type.getSimpleName()));
                }
            }
        }
    }
}

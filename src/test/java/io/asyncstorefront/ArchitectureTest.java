package io.asyncstorefront;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules that keep the operation machinery apart from the storefront domain. */
@AnalyzeClasses(packages = "io.asyncstorefront", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theOperationMachineryKnowsNothingOfTheStorefront = noClasses()
            .that().resideInAPackage("io.asyncstorefront.operation..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.asyncstorefront.cart..", "io.asyncstorefront.catalog..", "io.asyncstorefront.customer..");

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

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.asyncstorefront.(**)").should().beFreeOfCycles();
}

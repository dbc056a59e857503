package ru.msoko.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Module rules of the app: feature packages, reads and writes kept out of controllers, no cycles. */
@AnalyzeClasses(packages = "ru.msoko.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Feature packages may use each other's public API, but never in a circle. */
    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("ru.msoko.app.(*)..").should().beFreeOfCycles();

    /** Controllers only parse the request and render: SQL lives in repositories and query classes. */
    @ArchTest
    static final ArchRule controllersDoNotTouchSql = noClasses()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class);

    /** Web helpers are shared by all features and must not depend on any feature. */
    @ArchTest
    static final ArchRule sharedWebDependsOnNoFeature = noClasses().that().resideInAPackage("ru.msoko.app.web..")
            .should().dependOnClassesThat().resideInAnyPackage("ru.msoko.app.imports..", "ru.msoko.app.dashboard..",
                    "ru.msoko.app.results..", "ru.msoko.app.directions..", "ru.msoko.app.demo..",
                    "ru.msoko.app.cli..");

    /** The security package decides scopes; no feature builds its own notion of the signed-in user. */
    @ArchTest
    static final ArchRule onlySecurityReadsTheSecurityContext = noClasses()
            .that().resideOutsideOfPackage("ru.msoko.app.security..")
            .should().dependOnClassesThat().haveFullyQualifiedName(
                    "org.springframework.security.core.context.SecurityContextHolder");

    /** Requests are authorized in one table (security.AccessRules), never by annotations on handlers. */
    @ArchTest
    static final ArchRule noGuardAnnotationsOnHandlers = noMethods().should().beAnnotatedWith(PreAuthorize.class)
            .orShould().beAnnotatedWith(Secured.class);

    @ArchTest
    static final ArchRule noGuardAnnotationsOnClasses = noClasses().should().beAnnotatedWith(PreAuthorize.class)
            .orShould().beAnnotatedWith(Secured.class);

    @ArchTest
    static final ArchRule repositoriesAreNamedAsSuch = classes()
            .that().areAnnotatedWith(org.springframework.stereotype.Repository.class)
            .should().haveSimpleNameEndingWith("Repository").orShould().haveSimpleNameEndingWith("Queries")
            .orShould().haveSimpleNameEndingWith("Log");
}

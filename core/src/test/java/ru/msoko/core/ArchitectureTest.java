package ru.msoko.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** core is pure Java: the server, the CLI and Spark must get identical numbers from it. */
@AnalyzeClasses(packages = "ru.msoko.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noFramework = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "jakarta..", "javax.servlet..", "org.apache.spark..", "java.sql..",
            "javax.sql..", "org.h2..", "org.postgresql..");

    @ArchTest
    static final ArchRule domainDependsOnNothingElse = noClasses().that().resideInAPackage("ru.msoko.core.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("ru.msoko.core.canonical..", "ru.msoko.core.demo..",
                    "ru.msoko.core.privacy..");
}

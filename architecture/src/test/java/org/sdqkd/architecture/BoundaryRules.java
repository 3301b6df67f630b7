package org.sdqkd.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries that the build enforces on main classes, one rule per boundary. A new boundary is one more
 * constant here and one more {@code @ArchTest} field in {@link MainClassesTest}, with a case in
 * {@link BoundaryRulesTest} that shows it catches a violation.
 */
final class BoundaryRules {
    /** The packages that other modules may use: interfaces, records, exceptions and value types. */
    static final String API = "org.sdqkd..api..";

    /** The packages that implement a module; only the module's own root package wires them. */
    static final String IMPL = "org.sdqkd..impl..";

    /** The load drivers: not part of a release, they may use test support in main scope. */
    static final String BENCHMARKS = "org.sdqkd.benchmarks..";

    /** The helpers that tests and benchmarks share (module {@code test-support}). */
    static final String TEST_SUPPORT = "org.sdqkd.testsupport..";

    /** An api package holds contracts only: it never reaches into an implementation. */
    static final ArchRule API_DOES_NOT_USE_IMPL = noClasses()
        .that().resideInAPackage(API)
        .should().dependOnClassesThat().resideInAPackage(IMPL)
        .as("api packages do not use impl packages")
        .because("an api package holds interfaces, records, exceptions and value types; the module's root package "
            + "is the one place that wires its implementation");

    /** Product code never runs test helpers: no scripted servers, test certificates or fixtures in a release. */
    static final ArchRule MAIN_DOES_NOT_USE_TEST_SUPPORT = noClasses()
        .that().resideOutsideOfPackages(TEST_SUPPORT, BENCHMARKS)
        .should().dependOnClassesThat().resideInAPackage(TEST_SUPPORT)
        .as("main classes do not use the test-support package")
        .because("test support is for tests and benchmarks only");

    /** A module's impl is its own: other modules, the launcher and the benchmarks go through its api and root. */
    static final ArchRule IMPL_STAYS_INSIDE_ITS_MODULE = classes()
        .that().resideInAPackage("org.sdqkd..")
        .should(new ImplStaysInsideItsModule())
        .as("impl packages are used from inside their own module only")
        .because("what another module needs is an api type or an entry point in the module's root package");

    private BoundaryRules() {
        // constants only
    }
}

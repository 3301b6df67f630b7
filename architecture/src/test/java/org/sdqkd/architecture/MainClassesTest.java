package org.sdqkd.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checks every {@link BoundaryRules boundary} on the main classes of all product modules. */
@AnalyzeClasses(packages = "org.sdqkd", importOptions = MainClasses.class)
class MainClassesTest {
    @ArchTest
    static final ArchRule API_DOES_NOT_USE_IMPL = BoundaryRules.API_DOES_NOT_USE_IMPL;

    @ArchTest
    static final ArchRule MAIN_DOES_NOT_USE_TEST_SUPPORT = BoundaryRules.MAIN_DOES_NOT_USE_TEST_SUPPORT;

    @ArchTest
    static final ArchRule IMPL_STAYS_INSIDE_ITS_MODULE = BoundaryRules.IMPL_STAYS_INSIDE_ITS_MODULE;
}

package org.sdqkd.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.architecture.fixture.api.CleanValue;
import org.sdqkd.architecture.fixture.api.LeakyValue;
import org.sdqkd.architecture.fixture.app.CleanMain;
import org.sdqkd.architecture.fixture.app.MainUsingTestSupport;
import org.sdqkd.architecture.fixture.impl.Checks;
import org.sdqkd.architecture.othermodule.UsesForeignImpl;

/**
 * Shows that each rule catches what it forbids, on fixture classes made to break it, and passes what it allows.
 */
class BoundaryRulesTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter()
        .importPackages("org.sdqkd.architecture.fixture", "org.sdqkd.testsupport.fixture");

    @Test
    void apiRuleCatchesAnApiClassUsingImpl() {
        final EvaluationResult result = BoundaryRules.API_DOES_NOT_USE_IMPL.evaluate(FIXTURES);

        assertTrue(result.hasViolation());
        final List<String> details = result.getFailureReport().getDetails();
        assertTrue(details.stream().allMatch(line -> line.contains(LeakyValue.class.getName())), details::toString);
    }

    @Test
    void apiRulePassesAnApiThatUsesOnlyApi() {
        final JavaClasses clean = new ClassFileImporter().importClasses(CleanValue.class);

        assertFalse(BoundaryRules.API_DOES_NOT_USE_IMPL.evaluate(clean).hasViolation());
    }

    @Test
    void testSupportRuleCatchesMainCodeUsingTestSupport() {
        final EvaluationResult result = BoundaryRules.MAIN_DOES_NOT_USE_TEST_SUPPORT.evaluate(FIXTURES);

        assertTrue(result.hasViolation());
        final List<String> details = result.getFailureReport().getDetails();
        assertEquals(List.of(), details.stream()
            .filter(line -> !line.contains(MainUsingTestSupport.class.getName())).toList());
    }

    @Test
    void testSupportRulePassesMainCodeWithoutTestSupport() {
        final JavaClasses clean = new ClassFileImporter().importClasses(CleanMain.class, CleanValue.class);

        assertFalse(BoundaryRules.MAIN_DOES_NOT_USE_TEST_SUPPORT.evaluate(clean).hasViolation());
    }

    @Test
    void implRuleCatchesAnotherModuleUsingImpl() {
        final JavaClasses classes = new ClassFileImporter().importClasses(UsesForeignImpl.class, Checks.class);

        final EvaluationResult result = BoundaryRules.IMPL_STAYS_INSIDE_ITS_MODULE.evaluate(classes);

        assertTrue(result.hasViolation());
        final List<String> details = result.getFailureReport().getDetails();
        assertTrue(details.stream().allMatch(line -> line.contains(UsesForeignImpl.class.getName())
            && line.contains("org.sdqkd.architecture.fixture")), details::toString);
    }

    @Test
    void implRulePassesImplUsedFromItsOwnModule() {
        final JavaClasses classes = new ClassFileImporter().importClasses(LeakyValue.class, Checks.class,
            CleanMain.class);

        assertFalse(BoundaryRules.IMPL_STAYS_INSIDE_ITS_MODULE.evaluate(classes).hasViolation());
    }

    @Test
    void implRuleNamesTheModuleByThePackageAboveImpl() {
        assertEquals("org.sdqkd.qkd.node", ImplStaysInsideItsModule.moduleRoot("org.sdqkd.qkd.node.impl.keys"));
        assertEquals("org.sdqkd.datastore", ImplStaysInsideItsModule.moduleRoot("org.sdqkd.datastore.impl"));
        assertNull(ImplStaysInsideItsModule.moduleRoot("org.sdqkd.datastore.api"));
        assertNull(ImplStaysInsideItsModule.moduleRoot("org.sdqkd.implementations"));
    }

    @Test
    void mainClassesTakeMainClassesAndLeaveTestClassesOut() {
        final JavaClasses imported = new ClassFileImporter().withImportOption(new MainClasses())
            .importPackages("org.sdqkd.architecture", "org.sdqkd.datastore");

        assertTrue(imported.contain(Datastores.class));
        assertFalse(imported.contain(BoundaryRulesTest.class));
        assertFalse(imported.contain(LeakyValue.class));
    }
}

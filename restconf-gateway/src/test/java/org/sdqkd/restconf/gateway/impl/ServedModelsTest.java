package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yangtools.binding.meta.YangModuleInfo;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** The served models: the datastore's, with ietf-yang-library and ietf-restconf-monitoring added when missing. */
final class ServedModelsTest {
    private static final ModuleSources SOURCES = ModuleSources.fromClassPath();

    @Test
    void modelsThatHaveTheGatewayModulesAreServedAsTheyAre() {
        assertSame(TestModels.CONTEXT, ServedModels.of(TestModels.CONTEXT, SOURCES));
    }

    @Test
    void theGatewayModulesAreAddedToModelsThatLackThem() {
        final EffectiveModelContext etsiOnly = BindingRuntimeHelpers.createEffectiveModel(
            List.of(BindingRuntimeHelpers.getYangModuleInfo(QkdNode.class)));
        assertTrue(ServedModels.gatewayModules().stream()
            .noneMatch(info -> etsiOnly.findModule(info.getName().getModule()).isPresent()));
        final EffectiveModelContext served = ServedModels.of(etsiOnly, SOURCES);
        assertTrue(served.findModule(QkdNode.QNAME.getModule()).isPresent());
        assertTrue(ServedModels.gatewayModules().stream()
            .allMatch(info -> served.findModule(info.getName().getModule()).isPresent()));
        assertEquals(etsiOnly.getModules().size() + 2 + missingImports(etsiOnly), served.getModules().size());
    }

    @Test
    void modelsWithoutSourcesAreRefusedClearly() {
        final ModuleSources none = ModuleSources.of(List.<YangModuleInfo>of());
        final EffectiveModelContext etsiOnly = BindingRuntimeHelpers.createEffectiveModel(
            List.of(BindingRuntimeHelpers.getYangModuleInfo(QkdNode.class)));
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> ServedModels.of(etsiOnly, none));
        assertTrue(refused.getMessage().contains("has no YANG source"), refused.getMessage());
    }

    /** The imports of the gateway modules that the models do not have already (ietf-datastores). */
    private static int missingImports(final EffectiveModelContext context) {
        final EffectiveModelContext own = BindingRuntimeHelpers.createEffectiveModel(ServedModels.gatewayModules());
        return (int) own.getModules().stream().filter(module -> context.findModule(module.getQNameModule()).isEmpty())
            .count() - 2;
    }
}

package org.sdqkd.nacm.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;

/** The name of the YANG module that defines a node, as {@code module-name} rules compare it. */
final class ModuleNames {
    private final EffectiveModelContext context;
    private final Map<XMLNamespace, String> names = new ConcurrentHashMap<>();

    ModuleNames(final EffectiveModelContext context) {
        this.context = context;
    }

    /** The module name of a node name (revision ignored); the namespace itself when no model has it. */
    String of(final QName name) {
        return names.computeIfAbsent(name.getNamespace(), ns -> context.findModules(ns).stream().findFirst()
            .map(Module::getName).orElseGet(ns::toString));
    }
}

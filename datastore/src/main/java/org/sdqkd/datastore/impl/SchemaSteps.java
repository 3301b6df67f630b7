package org.sdqkd.datastore.impl;

import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;

/** Steps through the schema tree by data node names, across choices, cases and augmentations. */
final class SchemaSteps {
    private SchemaSteps() {
        // no instances
    }

    /** The data child of {@code parent} (the model context for top-level nodes), if it has one. */
    static Optional<DataSchemaNode> child(final Object parent, final QName name) {
        return parent instanceof DataNodeContainer container ? container.findDataTreeChild(name) : Optional.empty();
    }

    /** The module that owns an XML namespace. */
    static Optional<QNameModule> moduleOfNamespace(final EffectiveModelContext context, final String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return Optional.empty();
        }
        try {
            return context.findModules(XMLNamespace.of(namespace)).stream().findFirst().map(Module::getQNameModule);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The module of a given name, as RFC 7951 JSON prefixes members with it. */
    static Optional<QNameModule> moduleOfName(final EffectiveModelContext context, final String moduleName) {
        return context.findModules(moduleName).stream().findFirst().map(Module::getQNameModule);
    }
}

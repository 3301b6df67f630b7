package org.sdqkd.controller.mount;

import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.sdqkd.testsupport.peers.ProbeTestModule;

/**
 * Paths and data of the peers' {@code probe-test} module (container {@code probe}, list {@code node} keyed by
 * {@code name}, leaves {@code value} and {@code description}). It has no generated bindings: it is a device's model,
 * known to the controller only through the device's schema, so its data is NormalizedNode built from its QNames.
 */
final class ProbeData {
    static final QNameModule MODULE = QNameModule.of(XMLNamespace.of(ProbeTestModule.NAMESPACE),
        Revision.of(ProbeTestModule.REVISION));
    static final QName PROBE = QName.create(MODULE, "probe");
    static final QName NODE = QName.create(MODULE, "node");
    static final QName NAME = QName.create(MODULE, "name");
    static final QName VALUE = QName.create(MODULE, "value");
    static final QName DESCRIPTION = QName.create(MODULE, "description");

    private ProbeData() {
        // static only
    }

    static YangInstanceIdentifier probe() {
        return YangInstanceIdentifier.of(PROBE);
    }

    static YangInstanceIdentifier node(final String name) {
        return YangInstanceIdentifier.of(new NodeIdentifier(PROBE), new NodeIdentifier(NODE), key(name));
    }

    static NodeIdentifierWithPredicates key(final String name) {
        return NodeIdentifierWithPredicates.of(NODE, Map.of(NAME, name));
    }

    static MapEntryNode entry(final String name, final int value, final String description) {
        return ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(key(name))
            .withChild(ImmutableNodes.leafNode(NAME, name))
            .withChild(ImmutableNodes.leafNode(VALUE, value))
            .withChild(ImmutableNodes.leafNode(DESCRIPTION, description)).build();
    }
}

package org.sdqkd.controller.mount;

import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.Node;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.NodeKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.sdqkd.controller.impl.schema.LibraryBindings;

/** The mount path of a node, {@code network/node[node-id=X]}, made with the binding codec as the gateway has it. */
final class MountPaths {
    private static final LibraryBindings BINDINGS = LibraryBindings.create();

    private MountPaths() {
        // static only
    }

    static YangInstanceIdentifier of(final NodeId node) {
        return BINDINGS.serializer().toYangInstanceIdentifier(DataObjectIdentifier.builder(Network.class)
            .child(Node.class, new NodeKey(node)).build());
    }
}

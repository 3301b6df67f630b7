package org.sdqkd.controller.impl.topology;

import java.util.Locale;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.NodeId;

/**
 * Node and link ids in one spelling (lower case), so that the same UUID written by a node in capitals and in the
 * controller's configuration in small letters is the same key.
 */
final class Ids {
    private Ids() {
    }

    /** A node id in lower case. */
    static NodeId node(final Uuid id) {
        return new NodeId(id.getValue().toLowerCase(Locale.ROOT));
    }

    /** A link id in lower case. */
    static LinkId link(final Uuid id) {
        return new LinkId(id.getValue().toLowerCase(Locale.ROOT));
    }
}

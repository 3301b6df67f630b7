package org.sdqkd.benchmarks;

import java.io.IOException;
import java.net.URL;
import java.util.ServiceLoader;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.SystemMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.CollectionNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.impl.ReferenceDataTreeFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;

/**
 * Data of the benchmark model {@code bench-flows}: 100 ports and a list of flows, each with a leafref to a
 * port, a must reading the port's speed and, for every tenth flow, a when-guarded multicast group.
 */
final class FlowData {
    static final String NS = "urn:sdqkd:bench:flows";
    static final QName INVENTORY = QName.create(NS, "2026-11-22", "inventory");
    static final QName FLOWS = QName.create(INVENTORY, "flows");
    static final QName FLOW = QName.create(INVENTORY, "flow");
    static final QName ID = QName.create(INVENTORY, "id");
    static final QName RATE = QName.create(INVENTORY, "rate");
    private static final QName PORT_LIST = QName.create(INVENTORY, "port");
    private static final QName NAME = QName.create(INVENTORY, "name");
    private static final QName SPEED = QName.create(INVENTORY, "speed");
    private static final QName KIND = QName.create(INVENTORY, "kind");
    private static final QName GROUP = QName.create(INVENTORY, "group");
    private static final int PORTS = 100;

    private FlowData() {
        // no instances
    }

    /** The benchmark model. */
    static EffectiveModelContext model() throws IOException, YangParserException {
        final URL source = FlowData.class.getResource("/bench/bench-flows.yang");
        return ServiceLoader.load(YangParserFactory.class).findFirst().orElseThrow()
            .createParser(YangParserConfiguration.DEFAULT)
            .addSource(new URLYangTextSource(source))
            .buildEffectiveModel();
    }

    /** A datastore content with {@code flows} flows, all valid. */
    static ContainerNode root(final int flows) {
        final CollectionNodeBuilder<MapEntryNode, SystemMapNode> ports = ImmutableNodes.newSystemMapBuilder()
            .withNodeIdentifier(NodeIdentifier.create(PORT_LIST));
        for (int p = 0; p < PORTS; p++) {
            ports.withChild(ImmutableNodes.newMapEntryBuilder()
                .withNodeIdentifier(NodeIdentifierWithPredicates.of(PORT_LIST, NAME, "p" + p))
                .withChild(ImmutableNodes.leafNode(NAME, "p" + p))
                .withChild(ImmutableNodes.leafNode(SPEED, Uint32.valueOf(10_000 + p)))
                .build());
        }
        final CollectionNodeBuilder<MapEntryNode, SystemMapNode> list = ImmutableNodes.newSystemMapBuilder()
            .withNodeIdentifier(NodeIdentifier.create(FLOW));
        for (int i = 0; i < flows; i++) {
            final var entry = ImmutableNodes.newMapEntryBuilder()
                .withNodeIdentifier(NodeIdentifierWithPredicates.of(FLOW, ID, Uint32.valueOf(i)))
                .withChild(ImmutableNodes.leafNode(ID, Uint32.valueOf(i)))
                .withChild(ImmutableNodes.leafNode(QName.create(INVENTORY, "port"), "p" + i % PORTS))
                .withChild(ImmutableNodes.leafNode(RATE, Uint32.valueOf(i % 9_000)));
            if (i % 10 == 0) {
                entry.withChild(ImmutableNodes.leafNode(KIND, "multicast"))
                    .withChild(ImmutableNodes.leafNode(GROUP, "g" + i % 7));
            }
            list.withChild(entry.build());
        }
        return ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(NodeIdentifier.create(SchemaContext.NAME))
            .withChild(ImmutableNodes.newContainerBuilder().withNodeIdentifier(NodeIdentifier.create(INVENTORY))
                .withChild(ports.build()).build())
            .withChild(ImmutableNodes.newContainerBuilder().withNodeIdentifier(NodeIdentifier.create(FLOWS))
                .withChild(list.build()).build())
            .build();
    }

    /** The path of the rate leaf of flow {@code id}. */
    static YangInstanceIdentifier ratePath(final int id) {
        return YangInstanceIdentifier.builder().node(FLOWS).node(FLOW)
            .nodeWithKey(FLOW, ID, Uint32.valueOf(id)).node(RATE).build();
    }

    /** {@code root} with the rate of flow {@code id} set to {@code rate}, as a data tree computes it. */
    static ContainerNode withRate(final EffectiveModelContext model, final ContainerNode root, final int id,
            final int rate) throws DataValidationFailedException {
        final DataTree tree = new ReferenceDataTreeFactory().create(
            DataTreeConfiguration.builder(TreeType.OPERATIONAL).setMandatoryNodesValidation(false).build(), model);
        DataTreeModification mod = tree.takeSnapshot().newModification();
        mod.write(YangInstanceIdentifier.of(), root);
        mod.ready();
        tree.commit(tree.prepare(mod));
        mod = tree.takeSnapshot().newModification();
        mod.write(ratePath(id), ImmutableNodes.leafNode(RATE, Uint32.valueOf(rate)));
        mod.ready();
        tree.validate(mod);
        return (ContainerNode) tree.prepare(mod).getRootNode().dataAfter();
    }
}

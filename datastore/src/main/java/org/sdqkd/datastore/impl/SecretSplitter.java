package org.sdqkd.datastore.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.DataContainerNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * Splits datastore content into its clear part and its secret part, by a {@link SecretSchema}. The secret part is
 * sparse: the secret nodes with the containers and list entries (with their keys) leading to them, so that a merge
 * of the two parts gives the content back. An unkeyed list holding a secret goes to the secret part whole, since its
 * entries could not be matched up again.
 */
final class SecretSplitter {
    /**
     * The two parts of some content.
     *
     * @param clear   the content without its secret nodes
     * @param secrets the secret nodes, empty when there are none
     */
    record Split(ContainerNode clear, Optional<ContainerNode> secrets) {
    }

    private record Parts(NormalizedNode clear, NormalizedNode secret) {
    }

    private SecretSplitter() {
        // no instances
    }

    /** Splits a datastore root. */
    static Split split(final ContainerNode root, final SecretSchema schema) {
        final Parts parts = container(root, schema);
        return new Split((ContainerNode) parts.clear(), Optional.ofNullable((ContainerNode) parts.secret()));
    }

    private static Parts node(final NormalizedNode node, final SecretSchema schema) {
        if (schema.isSecret()) {
            return new Parts(null, node);
        }
        if (schema.isClear()) {
            return new Parts(node, null);
        }
        return switch (node) {
            case DataContainerNode container -> container(container, schema);
            case MapNode map -> map(map, schema);
            case UnkeyedListNode list -> list.body().stream()
                .anyMatch(entry -> container(entry, schema).secret() != null)
                    ? new Parts(null, list) : new Parts(list, null);
            default -> new Parts(node, null);
        };
    }

    private static Parts container(final DataContainerNode container, final SecretSchema schema) {
        final List<DataContainerChild> clear = new ArrayList<>();
        final List<DataContainerChild> secret = new ArrayList<>();
        for (DataContainerChild child : container.body()) {
            final Parts parts = node(child, schema.child(child.name().getNodeType()));
            if (parts.clear() != null) {
                clear.add((DataContainerChild) parts.clear());
            }
            if (parts.secret() != null) {
                secret.add((DataContainerChild) parts.secret());
            }
        }
        if (secret.isEmpty()) {
            return new Parts(container, null);
        }
        if (container instanceof MapEntryNode entry) {
            int index = 0;
            for (Map.Entry<QName, Object> key : entry.name().asMap().entrySet()) {
                final DataContainerChild leaf = entry.childByArg(new NodeIdentifier(key.getKey()));
                secret.add(index++, leaf != null ? leaf : ImmutableNodes.leafNode(key.getKey(), key.getValue()));
            }
        }
        return new Parts(rebuild(container, clear), rebuild(container, secret));
    }

    private static Parts map(final MapNode map, final SecretSchema schema) {
        final List<MapEntryNode> clear = new ArrayList<>();
        final List<MapEntryNode> secret = new ArrayList<>();
        for (MapEntryNode entry : map.body()) {
            final Parts parts = container(entry, schema);
            clear.add((MapEntryNode) parts.clear());
            if (parts.secret() != null) {
                secret.add((MapEntryNode) parts.secret());
            }
        }
        if (secret.isEmpty()) {
            return new Parts(map, null);
        }
        return new Parts(rebuild(map, clear), rebuild(map, secret));
    }

    private static DataContainerNode rebuild(final DataContainerNode original, final List<DataContainerChild> body) {
        final DataContainerNodeBuilder<?, ? extends DataContainerNode> builder = switch (original) {
            case ContainerNode node -> ImmutableNodes.newContainerBuilder().withNodeIdentifier(node.name());
            case MapEntryNode node -> ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(node.name());
            case ChoiceNode node -> ImmutableNodes.newChoiceBuilder().withNodeIdentifier(node.name());
            case UnkeyedListEntryNode node -> ImmutableNodes.newUnkeyedListEntryBuilder()
                .withNodeIdentifier(node.name());
            default -> throw new IllegalStateException("unexpected data container " + original.contract());
        };
        body.forEach(builder::withChild);
        return builder.build();
    }

    private static MapNode rebuild(final MapNode original, final List<MapEntryNode> entries) {
        if (original instanceof UserMapNode) {
            final var builder = ImmutableNodes.newUserMapBuilder().withNodeIdentifier(original.name());
            entries.forEach(builder::withChild);
            return builder.build();
        }
        final var builder = ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(original.name());
        entries.forEach(builder::withChild);
        return builder.build();
    }
}

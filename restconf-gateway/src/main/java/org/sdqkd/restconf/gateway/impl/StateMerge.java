package org.sdqkd.restconf.gateway.impl;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.api.schema.builder.DataContainerNodeBuilder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;

/**
 * The data a GET answers with its default {@code content=all} (RFC 8040 section 4.8.1): running's configuration with
 * the operational datastore's state data merged in, node by node; where both hold a value, running's wins.
 */
final class StateMerge {
    private StateMerge() {
        // no instances
    }

    /**
     * Merges a resource's configuration and state.
     *
     * @param config the resource in running, if any
     * @param state  the resource in the operational datastore, if any
     * @return the merged resource, empty when neither holds it
     */
    static Optional<NormalizedNode> of(final Optional<NormalizedNode> config, final Optional<NormalizedNode> state) {
        if (config.isEmpty()) {
            return state;
        }
        if (state.isEmpty()) {
            return config;
        }
        return Optional.of(merge(config.orElseThrow(), state.orElseThrow()));
    }

    private static NormalizedNode merge(final NormalizedNode config, final NormalizedNode state) {
        if (config instanceof DataContainerNode configContainer && state instanceof DataContainerNode stateContainer) {
            final DataContainerNodeBuilder<?, ?> builder = switch (configContainer) {
                case ContainerNode container -> ImmutableNodes.newContainerBuilder()
                    .withNodeIdentifier(container.name());
                case MapEntryNode entry -> ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entry.name());
                case ChoiceNode choice -> ImmutableNodes.newChoiceBuilder().withNodeIdentifier(choice.name());
                default -> null;
            };
            if (builder == null) {
                return config;
            }
            for (DataContainerChild child : configContainer.body()) {
                final DataContainerChild other = stateContainer.childByArg(child.name());
                builder.withChild(other == null ? child : (DataContainerChild) merge(child, other));
            }
            for (DataContainerChild child : stateContainer.body()) {
                if (configContainer.childByArg(child.name()) == null) {
                    builder.withChild(child);
                }
            }
            return builder.build();
        }
        if (config instanceof MapNode configMap && state instanceof MapNode stateMap) {
            final var builder = configMap instanceof UserMapNode
                ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(configMap.name())
                : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(configMap.name());
            for (MapEntryNode entry : configMap.body()) {
                final MapEntryNode other = stateMap.childByArg(entry.name());
                builder.withChild(other == null ? entry : (MapEntryNode) merge(entry, other));
            }
            for (MapEntryNode entry : stateMap.body()) {
                if (configMap.childByArg(entry.name()) == null) {
                    builder.withChild(entry);
                }
            }
            return builder.build();
        }
        return config;
    }
}

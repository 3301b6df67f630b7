package org.sdqkd.netconf.server.impl.agent;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.w3c.dom.Element;

/**
 * The top-level nodes a subtree filter can select, by namespace and name: only those are turned into XML before the
 * filter runs, so that reading one module's data does not write out every other module's. Any other filter (XPath,
 * or a subtree filter with a top-level element without namespace) keeps everything.
 */
record TopLevelSelection(Optional<Set<String>> names) {
    static TopLevelSelection of(final Optional<Element> filter) {
        if (filter.isEmpty()) {
            return new TopLevelSelection(Optional.empty());
        }
        final Element element = filter.orElseThrow();
        final String type = element.getAttributeNS(null, "type");
        if (!type.isEmpty() && !"subtree".equals(type)) {
            return new TopLevelSelection(Optional.empty());
        }
        if (Dom.childElements(element).stream().anyMatch(top -> Dom.namespace(top).isEmpty())) {
            return new TopLevelSelection(Optional.empty());
        }
        return new TopLevelSelection(Optional.of(Dom.childElements(element).stream()
            .map(top -> Dom.namespace(top) + ' ' + top.getLocalName()).collect(Collectors.toSet())));
    }

    /** The root with only the selectable top-level nodes. */
    ContainerNode apply(final ContainerNode root) {
        if (names.isEmpty()) {
            return root;
        }
        final var builder = ImmutableNodes.newContainerBuilder().withNodeIdentifier(root.name());
        for (var child : root.body()) {
            final var type = child.name().getNodeType();
            if (names.orElseThrow().contains(type.getNamespace().toString() + ' ' + type.getLocalName())) {
                builder.withChild(child);
            }
        }
        return builder.build();
    }
}

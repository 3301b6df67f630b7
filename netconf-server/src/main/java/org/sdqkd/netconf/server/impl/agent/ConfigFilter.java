package org.sdqkd.netconf.server.impl.agent;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Element;

/**
 * The {@code config-filter} of get-data (RFC 8526 section 3.1.1): {@code true} keeps configuration nodes only,
 * {@code false} keeps state nodes only, with the containers and list keys that lead to them.
 */
final class ConfigFilter {
    private ConfigFilter() {
        // static only
    }

    /** Filters data in place. */
    static void apply(final Element data, final DataXml models, final boolean config) {
        walk(data, Optional.of(models.context()), models, config, Set.of());
    }

    /** Returns whether anything but keys is left in {@code parent}. */
    private static boolean walk(final Element parent, final Optional<? extends DataNodeContainer> schema,
            final DataXml models, final boolean config, final Set<QName> keys) {
        boolean kept = false;
        for (Element child : Dom.childElements(parent)) {
            final Optional<DataSchemaNode> childSchema = schema.flatMap(s -> models.child(s, child));
            if (childSchema.isEmpty()) {
                continue;
            }
            final DataSchemaNode node = childSchema.orElseThrow();
            if (keys.contains(node.getQName())) {
                continue;
            }
            final boolean isConfig = node.effectiveConfig().orElse(Boolean.TRUE);
            if (config && !isConfig) {
                parent.removeChild(child);
            } else if (node instanceof DataNodeContainer container) {
                if (!config && !isConfig) {
                    kept = true;
                    continue;
                }
                final Set<QName> childKeys = node instanceof ListSchemaNode list
                    ? list.getKeyDefinition().stream().collect(Collectors.toSet()) : Set.of();
                if (walk(child, Optional.of(container), models, config, childKeys) || config) {
                    kept = true;
                } else {
                    parent.removeChild(child);
                }
            } else if (!config && isConfig) {
                parent.removeChild(child);
            } else {
                kept = true;
            }
        }
        return kept;
    }
}

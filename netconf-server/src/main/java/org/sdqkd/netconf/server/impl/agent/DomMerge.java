package org.sdqkd.netconf.server.impl.agent;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.w3c.dom.Element;

/**
 * Merges one data tree into another, both as XML: containers by name, list entries by their keys, leaf-list entries
 * by value; a leaf of the tree merged in replaces the same leaf. Used to lay the operational datastore's state over
 * running's configuration.
 */
final class DomMerge {
    private DomMerge() {
        // static only
    }

    /** Merges the children of {@code from} into {@code into}. */
    static void merge(final Element into, final Element from, final DataXml models) {
        merge(into, from, Optional.of(models.context()), models);
    }

    private static void merge(final Element into, final Element from,
            final Optional<? extends DataNodeContainer> schema, final DataXml models) {
        for (Element child : Dom.childElements(from)) {
            final Optional<DataSchemaNode> childSchema = schema.flatMap(s -> models.child(s, child));
            final Optional<Element> same = find(into, child, childSchema.orElse(null));
            if (same.isEmpty()) {
                into.appendChild(into.getOwnerDocument().importNode(child, true));
            } else if (childSchema.orElse(null) instanceof DataNodeContainer container) {
                merge(same.orElseThrow(), child, Optional.of(container), models);
            } else {
                into.replaceChild(into.getOwnerDocument().importNode(child, true), same.orElseThrow());
            }
        }
    }

    private static Optional<Element> find(final Element parent, final Element wanted, final DataSchemaNode schema) {
        for (Element candidate : Dom.childElements(parent)) {
            if (!Dom.sameName(candidate, wanted)) {
                continue;
            }
            if (schema instanceof ListSchemaNode list && !sameKeys(candidate, wanted, list.getKeyDefinition())) {
                continue;
            }
            if (schema instanceof LeafListSchemaNode
                    && !candidate.getTextContent().strip().equals(wanted.getTextContent().strip())) {
                continue;
            }
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static boolean sameKeys(final Element a, final Element b, final List<QName> keys) {
        for (QName key : keys) {
            final String ns = key.getNamespace().toString();
            final Optional<String> va = Dom.child(a, ns, key.getLocalName()).map(e -> e.getTextContent().strip());
            final Optional<String> vb = Dom.child(b, ns, key.getLocalName()).map(e -> e.getTextContent().strip());
            if (!va.equals(vb)) {
                return false;
            }
        }
        return true;
    }
}

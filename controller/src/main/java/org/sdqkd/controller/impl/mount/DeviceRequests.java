package org.sdqkd.controller.impl.mount;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContextTree;
import org.sdqkd.controller.impl.schema.ModelXml;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.restconf.gateway.spi.MountEdit;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XML of the requests to one device, in its model context: subtree filters (RFC 6241 section 6) for the node at
 * a path, and {@code <config>} elements for edit-config (section 7.2) with the {@code operation} attribute on the
 * edited node. The structure and data are written by yangtools' XML codec; only the operation attribute is set on the
 * DOM it wrote.
 */
final class DeviceRequests {
    private static final QName CONFIG = QName.create(NetconfMessage.NAMESPACE, "config");
    private static final QName FILTER = QName.create(NetconfMessage.NAMESPACE, "filter");
    private static final String OPERATION = "operation";
    private static final String PREFIX = "nc";

    private final ModelXml xml;
    private final DataSchemaContextTree tree;

    DeviceRequests(final ModelXml xml) {
        this.xml = xml;
        this.tree = DataSchemaContextTree.from(xml.context());
    }

    /**
     * The path a read's filter selects: the node itself, or, for a leaf, a list or leaf-list as a whole or a choice
     * (nodes a subtree filter cannot name alone), the nearest enclosing container or list entry.
     *
     * @param path the node read
     * @return the path to filter on
     * @throws IllegalArgumentException when the path is not in the models
     */
    YangInstanceIdentifier filterPath(final YangInstanceIdentifier path) {
        YangInstanceIdentifier current = path;
        while (!current.isEmpty()) {
            final DataSchemaContext node = tree.childByPath(current);
            if (node == null) {
                throw new IllegalArgumentException("no node " + current + " in the device's models");
            }
            if (!(node instanceof DataSchemaContext.PathMixin) && !(node instanceof DataSchemaContext.SimpleValue)) {
                return current;
            }
            current = current.coerceParent();
        }
        return current;
    }

    /**
     * The subtree filter selecting a path, or none for the whole datastore.
     *
     * @param filterPath a path from {@link #filterPath}
     * @return the filter
     * @throws IOException when the path does not fit the models
     */
    Optional<Filter> filter(final YangInstanceIdentifier filterPath) throws IOException {
        if (filterPath.isEmpty()) {
            return Optional.empty();
        }
        final Element holder = ModelXml.newElement(FILTER);
        xml.writeAt(holder, filterPath, null);
        return Optional.of(new Filter.Subtree(children(holder)));
    }

    /**
     * The {@code <config>} of one edit.
     *
     * @param edit the edit
     * @return the config element
     * @throws IOException when the path or data do not fit the models
     */
    XmlElement config(final MountEdit edit) throws IOException {
        final Element config = ModelXml.newElement(CONFIG);
        final String operation = edit.operation().name().toLowerCase(Locale.ROOT);
        final YangInstanceIdentifier path = edit.path();
        if (path.isEmpty()) {
            final NormalizedNode data = edit.data().orElseThrow(() -> new IOException(
                "a delete of the whole datastore is not an edit-config"));
            if (!(data instanceof ContainerNode root)) {
                throw new IOException("the data of the datastore's root must be a container");
            }
            for (DataContainerChild child : root.body()) {
                xml.writeAt(config, path, child);
                mark(lastChild(config, child.name().getNodeType()), operation);
            }
            return XmlElement.of(config);
        }
        if (edit.data().isPresent()) {
            xml.writeAt(config, path.coerceParent(), edit.data().orElseThrow());
        } else {
            writeTarget(config, path);
        }
        mark(locate(config, path), operation);
        return XmlElement.of(config);
    }

    /** For a delete: the path's structure, its last node included (a leaf as an empty element). */
    private void writeTarget(final Element config, final YangInstanceIdentifier path) throws IOException {
        final DataSchemaContext target = tree.childByPath(path);
        if (target == null) {
            throw new IOException("no node " + path + " in the device's models");
        }
        final PathArgument last = path.getPathArguments().getLast();
        if (last instanceof NodeWithValue<?>) {
            xml.writeAt(config, path, null);
        } else if (target instanceof DataSchemaContext.SimpleValue) {
            final YangInstanceIdentifier parentPath = path.coerceParent();
            xml.writeAt(config, parentPath, null);
            final Element parent = parentPath.isEmpty() ? config : locate(config, parentPath);
            final QName name = last.getNodeType();
            parent.appendChild(parent.getOwnerDocument().createElementNS(name.getNamespace().toString(),
                name.getLocalName()));
        } else if (target instanceof DataSchemaContext.PathMixin) {
            throw new IOException(last.getNodeType() + " is a list, leaf-list or choice: "
                + "delete its entries or its case's nodes one by one");
        } else {
            xml.writeAt(config, path, null);
        }
    }

    /**
     * The element of the node at a path, in what {@link ModelXml#writeAt} wrote for it: each step descends into the
     * last child element of its name; a list's or leaf-list's own step and a choice have no element of their own.
     */
    private static Element locate(final Element config, final YangInstanceIdentifier path) throws IOException {
        Element current = config;
        final List<PathArgument> steps = path.getPathArguments();
        for (int i = 0; i < steps.size(); i++) {
            final QName name = steps.get(i).getNodeType();
            if (i + 1 < steps.size() && steps.get(i + 1).getNodeType().equals(name)) {
                continue;
            }
            final Element child = lastChild(current, name);
            if (child != null) {
                current = child;
            }
        }
        if (current == config) {
            throw new IOException("nothing was written for " + path);
        }
        return current;
    }

    private static Element lastChild(final Element parent, final QName name) {
        Element found = null;
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.getLocalName().equals(element.getLocalName())
                    && name.getNamespace().toString().equals(element.getNamespaceURI())) {
                found = element;
            }
        }
        return found;
    }

    private static void mark(final Element element, final String operation) throws IOException {
        if (element == null) {
            throw new IOException("the edited node was not written");
        }
        element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE + ":" + PREFIX,
            NetconfMessage.NAMESPACE);
        element.setAttributeNS(NetconfMessage.NAMESPACE, PREFIX + ":" + OPERATION, operation);
    }

    private static List<XmlElement> children(final Element holder) {
        final List<XmlElement> content = new ArrayList<>();
        for (Node child = holder.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                content.add(XmlElement.of(element));
            }
        }
        return content;
    }
}

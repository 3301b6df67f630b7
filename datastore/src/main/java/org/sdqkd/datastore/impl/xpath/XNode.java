package org.sdqkd.datastore.impl.xpath;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;

/**
 * A node of the XPath data model (RFC 7950 section 6.4.1) over a YANG data tree: containers, list
 * entries, leaves and leaf-list entries, with their parent and their children in document order.
 * Choices and cases are transparent, as in the data tree.
 */
public final class XNode {
    private final QName name;
    private final DataSchemaNode schema;
    private final XNode parent;
    private final PathArgument pathArgument;
    private final Object value;
    private final boolean implicit;
    /** Leaves have no children: the list is allocated with the first child. */
    private List<XNode> children = List.of();
    private Map<QName, List<XNode>> byName;
    private Map<List<QName>, Map<String, List<XNode>>> byKey;
    private Map<PathArgument, XNode> byArg;
    /** Position among the parent's children; kept up to date by the child list operations. */
    private int index;

    XNode(final QName name, final DataSchemaNode schema, final XNode parent, final PathArgument pathArgument,
            final Object value, final boolean implicit) {
        this.name = name;
        this.schema = schema;
        this.parent = parent;
        this.pathArgument = pathArgument;
        this.value = value;
        this.implicit = implicit;
    }

    /**
     * A node that is not in the tree but would be a child of {@code parent}: the context for evaluating
     * the {@code when} condition of an absent node, which decides whether its mandatory content is needed.
     *
     * @param schema the absent node's schema
     * @param parent the node it would be a child of
     * @return a node whose parent is {@code parent} but which is not among its children
     */
    public static XNode detached(final DataSchemaNode schema, final XNode parent) {
        return new XNode(schema.getQName(), schema, parent, YangInstanceIdentifier.NodeIdentifier.create(
            schema.getQName()), null, true);
    }

    /** The root node: the datastore, parent of the top-level nodes. */
    static XNode root() {
        return new XNode(null, null, null, null, null, false);
    }

    /** The node's name; null for the root. */
    public QName name() {
        return name;
    }

    /** The schema node; null for the root. */
    public DataSchemaNode schema() {
        return schema;
    }

    /** The parent; null for the root. */
    public XNode parent() {
        return parent;
    }

    /** The children, in document order; read-only. */
    public List<XNode> children() {
        return Collections.unmodifiableList(children);
    }

    /** The children of a given name, in document order. */
    public List<XNode> children(final QName childName) {
        if (byName == null) {
            byName = new HashMap<>();
            for (XNode child : children) {
                byName.computeIfAbsent(child.name, k -> new ArrayList<>()).add(child);
            }
        }
        return byName.getOrDefault(childName, List.of());
    }

    /**
     * The entries of the child list {@code list} whose {@code key} leaf has a given string value, through an
     * index built on first use.
     *
     * @param list the list's name
     * @param key the key leaf's name
     * @param valueOf the string value of a key leaf
     * @return the index from key value to entries
     */
    Map<String, List<XNode>> keyIndex(final QName list, final QName key, final Function<XNode, String> valueOf) {
        if (byKey == null) {
            byKey = new HashMap<>();
        }
        return byKey.computeIfAbsent(List.of(list, key), k -> {
            final Map<String, List<XNode>> index = new HashMap<>();
            for (XNode entry : children(list)) {
                entry.child(key).ifPresent(leaf ->
                    index.computeIfAbsent(valueOf.apply(leaf), v -> new ArrayList<>()).add(entry));
            }
            return index;
        });
    }

    /** Adds a child at the end: data read in document order, defaults, or nodes a change created. */
    public void addChild(final XNode child) {
        child.index = children.size();
        if (children.isEmpty()) {
            children = new ArrayList<>(4);
        }
        children.add(child);
        if (byName != null) {
            byName.computeIfAbsent(child.name, k -> new ArrayList<>()).add(child);
        }
        if (byArg != null) {
            byArg.put(child.pathArgument, child);
        }
        byKey = null;
    }

    /** Puts {@code replacement} where {@code child} is. */
    public void replaceChild(final XNode child, final XNode replacement) {
        replacement.index = child.index;
        children.set(child.index, replacement);
        if (byName != null) {
            final List<XNode> named = byName.get(child.name);
            named.set(named.indexOf(child), replacement);
        }
        if (byArg != null) {
            byArg.remove(child.pathArgument);
            byArg.put(replacement.pathArgument, replacement);
        }
        byKey = null;
    }

    /** Removes a child (a node whose when condition is false, or deleted data). */
    public void removeChild(final XNode child) {
        children.remove(child.index);
        for (int i = child.index; i < children.size(); i++) {
            children.get(i).index = i;
        }
        if (byName != null) {
            byName.get(child.name).remove(child);
        }
        if (byArg != null) {
            byArg.remove(child.pathArgument);
        }
        byKey = null;
    }

    /** Puts back the children a {@link #children()} copy held: undoes changes to this node's children. */
    public void restoreChildren(final List<XNode> saved) {
        children = new ArrayList<>(saved);
        for (int i = 0; i < children.size(); i++) {
            children.get(i).index = i;
        }
        byName = null;
        byKey = null;
        byArg = null;
    }

    /** The typed value of a leaf or leaf-list entry, null for other nodes. */
    public Object value() {
        return value;
    }

    /** Whether the node was not in the data but added as a default (RFC 7950 section 7.6.1). */
    public boolean isImplicit() {
        return implicit;
    }

    /** Orders nodes of one tree in document order (XPath 1.0 section 5): ancestors first, then by position. */
    public static final Comparator<XNode> DOCUMENT_ORDER = XNode::compareDocumentOrder;

    private static int compareDocumentOrder(final XNode a, final XNode b) {
        if (a == b) {
            return 0;
        }
        final int depthA = a.depth();
        final int depthB = b.depth();
        XNode x = a;
        XNode y = b;
        for (int d = depthA; d > depthB; d--) {
            x = x.parent;
        }
        for (int d = depthB; d > depthA; d--) {
            y = y.parent;
        }
        if (x == y) {
            return depthA < depthB ? -1 : 1;
        }
        while (x.parent != y.parent) {
            x = x.parent;
            y = y.parent;
        }
        return Integer.compare(x.index, y.index);
    }

    private int depth() {
        int depth = 0;
        for (XNode n = parent; n != null; n = n.parent) {
            depth++;
        }
        return depth;
    }

    /** The instance identifier of this node in the data tree, for error paths. */
    public YangInstanceIdentifier path() {
        final List<PathArgument> args = new ArrayList<>();
        for (XNode n = this; n != null && n.pathArgument != null; n = n.parent) {
            args.add(0, n.pathArgument);
        }
        return YangInstanceIdentifier.of(args);
    }

    /** The step of this node in its parent: a node, list entry or leaf-list entry identifier. */
    public PathArgument pathArgument() {
        return pathArgument;
    }

    /** The child with a given path argument: a node identifier, list entry or leaf-list entry. */
    public Optional<XNode> child(final PathArgument arg) {
        if (byArg == null) {
            byArg = new HashMap<>();
            for (XNode child : children) {
                byArg.put(child.pathArgument, child);
            }
        }
        return Optional.ofNullable(byArg.get(arg));
    }

    /** The first child of a given name. */
    public Optional<XNode> child(final QName childName) {
        final List<XNode> named = children(childName);
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
    }

    @Override
    public String toString() {
        return path().toString();
    }
}

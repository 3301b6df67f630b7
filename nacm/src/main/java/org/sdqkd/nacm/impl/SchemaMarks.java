package org.sdqkd.nacm.impl;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Where the models carry the RFC 8341 section 3.5.1 extensions {@code nacm:default-deny-all} and
 * {@code nacm:default-deny-write}: a tree of data node names (choices and cases see-through, as in
 * {@link DataStep}s), each with the marks of the node or of an ancestor, and whether any mark lies below.
 */
final class SchemaMarks {
    private static final SchemaMarks NONE = new SchemaMarks(false, false, Map.of());

    private final boolean denyAll;
    private final boolean denyWrite;
    private final Map<QName, SchemaMarks> children;

    private SchemaMarks(final boolean denyAll, final boolean denyWrite, final Map<QName, SchemaMarks> children) {
        this.denyAll = denyAll;
        this.denyWrite = denyWrite;
        this.children = children;
    }

    /** The marks of every data node of the models. */
    static SchemaMarks of(final EffectiveModelContext context) {
        return level(context.getChildNodes(), false, false);
    }

    /** Whether the node or an ancestor is {@code default-deny-all}. */
    boolean denyAll() {
        return denyAll;
    }

    /** Whether the node or an ancestor is {@code default-deny-write} (or {@code default-deny-all}). */
    boolean denyWrite() {
        return denyWrite || denyAll;
    }

    /** Whether some node below this one carries a mark of its own. */
    boolean marksBelow() {
        return !children.isEmpty();
    }

    /** The marks of a child data node (inheriting this node's). */
    SchemaMarks child(final QName name) {
        final SchemaMarks found = children.get(name);
        if (found != null) {
            return found;
        }
        return denyAll || denyWrite ? new SchemaMarks(denyAll, denyWrite, Map.of()) : NONE;
    }

    private static SchemaMarks level(final Collection<? extends DataSchemaNode> nodes, final boolean all,
            final boolean write) {
        final Map<QName, SchemaMarks> found = new HashMap<>();
        collect(nodes, all, write, found);
        return new SchemaMarks(all, write, Map.copyOf(found));
    }

    private static void collect(final Collection<? extends DataSchemaNode> nodes, final boolean all,
            final boolean write, final Map<QName, SchemaMarks> found) {
        for (DataSchemaNode node : nodes) {
            if (node instanceof ChoiceSchemaNode choice) {
                choice.getCases().forEach(c -> collect(c.getChildNodes(), all, write, found));
                continue;
            }
            final boolean nodeAll = all || Extensions.has(node, Extensions.DENY_ALL);
            final boolean nodeWrite = write || Extensions.has(node, Extensions.DENY_WRITE);
            final SchemaMarks marks = node instanceof DataNodeContainer container
                ? level(container.getChildNodes(), nodeAll, nodeWrite)
                : new SchemaMarks(nodeAll, nodeWrite, Map.of());
            if ((nodeAll != all || nodeWrite != write) || marks.marksBelow()) {
                found.put(node.getQName(), marks);
            }
        }
    }
}

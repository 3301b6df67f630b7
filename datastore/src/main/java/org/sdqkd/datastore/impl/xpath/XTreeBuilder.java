package org.sdqkd.datastore.impl.xpath;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.sdqkd.datastore.impl.IdentityDerivation;

/**
 * Builds the {@link XNode} tree of a datastore content, with the nodes YANG adds (RFC 7950 section 7.6.1):
 * default leaves of present containers and list entries, of the default case of a choice with no case
 * present, and every non-presence container, with or without defaults: an absent non-presence container is
 * the same as an empty one (section 7.5.1), so its {@code must} conditions apply too. Nodes whose {@code when}
 * is false are removed afterwards by the constraint check.
 */
public final class XTreeBuilder {
    private final EffectiveModelContext context;
    private final IdentityDerivation identities;

    /**
     * A builder for data of the given models.
     *
     * @param context the models
     */
    public XTreeBuilder(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
        identities = new IdentityDerivation(context);
    }

    /** The tree of {@code root}'s data with defaults. */
    public XNode build(final ContainerNode root) {
        final XNode tree = XNode.root();
        addData(tree, root, context);
        final Set<QNameModule> modulesWithData = tree.children().stream()
            .map(n -> n.name().getModule()).collect(Collectors.toSet());
        for (DataSchemaNode top : context.getChildNodes()) {
            if (modulesWithData.contains(top.getQName().getModule())) {
                addDefault(tree, top);
            }
        }
        return tree;
    }

    /**
     * The nodes of one child of {@code parent}'s data, with their descendants and defaults, not yet
     * attached to {@code parent}: one node, or the entries of a whole list or leaf-list.
     *
     * @param parent the node they belong under
     * @param data the child's data: a container, leaf, list, list entry, leaf-list or leaf-list entry
     * @param schema the child's schema node
     * @return the new nodes
     */
    public List<XNode> detachedNodes(final XNode parent, final NormalizedNode data, final DataSchemaNode schema) {
        final List<XNode> nodes = new ArrayList<>();
        switch (data) {
            case MapNode map -> map.body().forEach(entry -> nodes.add(detached(parent, entry, schema, null)));
            case LeafSetNode<?> set -> set.body().forEach(entry -> nodes.add(detached(parent, entry, schema,
                entry.body())));
            case LeafNode<?> leaf -> nodes.add(detached(parent, leaf, schema, leaf.body()));
            case LeafSetEntryNode<?> entry -> nodes.add(detached(parent, entry, schema, entry.body()));
            default -> nodes.add(detached(parent, data, schema, null));
        }
        return nodes;
    }

    private XNode detached(final XNode parent, final NormalizedNode data, final DataSchemaNode schema,
            final Object value) {
        final XNode node = new XNode(schema.getQName(), schema, parent, data.name(), value, false);
        if (data instanceof DataContainerNode container && schema instanceof DataNodeContainer containerSchema) {
            addData(node, container, containerSchema);
            addDefaults(node, containerSchema);
        }
        return node;
    }

    private void addData(final XNode parent, final DataContainerNode data, final DataNodeContainer schema) {
        for (DataContainerChild child : data.body()) {
            if (child instanceof ChoiceNode choice) {
                addData(parent, choice, schema);
                continue;
            }
            final QName name = child.name().getNodeType();
            final DataSchemaNode childSchema = schema.findDataTreeChild(name).orElseThrow(
                () -> new XPathException("no schema for " + name));
            switch (child) {
                case ContainerNode container -> addData(add(parent, name, childSchema, container, null),
                    container, (DataNodeContainer) childSchema);
                case MapNode map -> {
                    for (MapEntryNode entry : map.body()) {
                        addData(add(parent, name, childSchema, entry, null), entry, (DataNodeContainer) childSchema);
                    }
                }
                case UnkeyedListNode list -> {
                    for (UnkeyedListEntryNode entry : list.body()) {
                        addData(add(parent, name, childSchema, entry, null), entry, (DataNodeContainer) childSchema);
                    }
                }
                case LeafSetNode<?> set -> {
                    for (LeafSetEntryNode<?> entry : set.body()) {
                        add(parent, name, childSchema, entry, entry.body());
                    }
                }
                case LeafNode<?> leaf -> add(parent, name, childSchema, leaf, leaf.body());
                default -> add(parent, name, childSchema, child, null);
            }
        }
    }

    private static XNode add(final XNode parent, final QName name, final DataSchemaNode schema,
            final NormalizedNode data, final Object value) {
        final XNode node = new XNode(name, schema, parent, data.name(), value, false);
        parent.addChild(node);
        return node;
    }

    /** Adds the defaults below an existing node. */
    private void addDefaults(final XNode node, final DataNodeContainer schema) {
        for (DataSchemaNode child : schema.getChildNodes()) {
            addDefault(node, child);
        }
    }

    /**
     * Adds the default value of {@code child} under {@code node} if it has one and no data: after the data
     * of a leaf with a default was deleted.
     */
    public void restoreDefault(final XNode node, final DataSchemaNode child) {
        if (child instanceof LeafSchemaNode) {
            addDefault(node, child);
        }
    }

    private void addDefault(final XNode node, final DataSchemaNode child) {
        switch (child) {
            case LeafSchemaNode leaf -> {
                final Optional<? extends Object> value = leaf.getType().getDefaultValue();
                if (value.isPresent() && node.child(leaf.getQName()).isEmpty()) {
                    node.addChild(new XNode(leaf.getQName(), leaf, node,
                        NodeIdentifier.create(leaf.getQName()), typed(leaf, value.orElseThrow()), true));
                }
            }
            case ContainerSchemaNode container -> {
                final Optional<XNode> existing = node.child(container.getQName());
                if (existing.isPresent()) {
                    addDefaults(existing.orElseThrow(), container);
                } else if (!container.isPresenceContainer()) {
                    final XNode implicit = new XNode(container.getQName(), container, node,
                        NodeIdentifier.create(container.getQName()), null, true);
                    addDefaults(implicit, container);
                    node.addChild(implicit);
                }
            }
            case ChoiceSchemaNode choice -> activeCase(node, choice).ifPresent(c -> addDefaults(node, c));
            case DataNodeContainer list -> node.children(child.getQName()).forEach(entry -> addDefaults(entry, list));
            default -> {
                // leaf-lists and anydata get no defaults here
            }
        }
    }

    /** The case whose data is present, else the default case, if any. */
    private static Optional<? extends CaseSchemaNode> activeCase(final XNode node, final ChoiceSchemaNode choice) {
        for (CaseSchemaNode caseNode : choice.getCases()) {
            for (DataSchemaNode member : caseNode.getChildNodes()) {
                if (node.child(member.getQName()).isPresent()) {
                    return Optional.of(caseNode);
                }
            }
        }
        return choice.getDefaultCase();
    }

    /** The value of a default statement: identities become QNames, other types keep their lexical form. */
    private Object typed(final LeafSchemaNode leaf, final Object lexical) {
        if (!(leaf.getType() instanceof IdentityrefTypeDefinition identityref)) {
            return lexical;
        }
        final String text = lexical.toString();
        final String local = text.substring(text.indexOf(':') + 1);
        for (IdentitySchemaNode base : identityref.getIdentities()) {
            for (var module : context.getModules()) {
                for (IdentitySchemaNode identity : module.getIdentities()) {
                    if (identity.getQName().getLocalName().equals(local)
                            && identities.derivedFrom(identity.getQName(), base.getQName(), false)) {
                        return identity.getQName();
                    }
                }
            }
        }
        return lexical;
    }
}

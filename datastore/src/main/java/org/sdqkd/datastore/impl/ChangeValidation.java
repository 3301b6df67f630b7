package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.MustDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.impl.xpath.XNode;
import org.sdqkd.datastore.impl.xpath.XTreeBuilder;

/**
 * Validates a change to data that was valid, re-checking only what the change can affect: the changed
 * subtrees completely, the constraints on their ancestors' children, and the must, when and leafref
 * constraints elsewhere that read changed nodes ({@link DependencyIndex}). Works on the validated tree of
 * the data before the change, patched in place; {@link #revert()} undoes the patch if the change is refused.
 */
final class ChangeValidation {
    /** One replaced group of children: what was there, and what is there now. */
    private record Patch(XNode parent, List<XNode> removed, List<XNode> added, List<QName> schemaPath,
            List<PathArgument> path) {
    }

    private final EffectiveModelContext context;
    private final XTreeBuilder trees;
    private final StructureValidator structure;
    private final ConstraintValidator constraints;
    private final DependencyIndex dependencies;
    private final XNode tree;
    private final List<Patch> patches = new ArrayList<>();
    /** The children each modified node had before the change, for {@link #revert()}. */
    private final Map<XNode, List<XNode>> saved = new IdentityHashMap<>();

    ChangeValidation(final EffectiveModelContext context, final XTreeBuilder trees, final StructureValidator structure,
            final ConstraintValidator constraints, final DependencyIndex dependencies, final XNode tree) {
        this.context = requireNonNull(context);
        this.trees = requireNonNull(trees);
        this.structure = requireNonNull(structure);
        this.constraints = requireNonNull(constraints);
        this.dependencies = requireNonNull(dependencies);
        this.tree = requireNonNull(tree);
    }

    /**
     * Applies the changes to the tree and validates them.
     *
     * @param after the data after the change
     * @param changed the paths (yangtools instance identifiers) of the nodes written, merged or deleted
     * @return every error found
     */
    List<ValidationError> apply(final ContainerNode after, final Collection<YangInstanceIdentifier> changed) {
        final List<YangInstanceIdentifier> ordered = new ArrayList<>(changed);
        ordered.sort(Comparator.comparingInt((YangInstanceIdentifier i) -> i.getPathArguments().size()));
        final List<YangInstanceIdentifier> applied = new ArrayList<>();
        for (YangInstanceIdentifier id : ordered) {
            if (applied.stream().noneMatch(done -> done.contains(id))) {
                patch(after, id);
                applied.add(id);
            }
        }
        final List<ValidationError> found = new ArrayList<>();
        final Map<LeafrefTypeDefinition, Set<String>> shared = new IdentityHashMap<>();
        final Set<XNode> ancestors = new LinkedHashSet<>();
        for (Patch patch : patches) {
            for (XNode added : patch.added()) {
                if (attached(added) && constraints.checkOwnWhen(added, this::save, found)) {
                    constraints.checkWhen(added, this::save, found);
                }
            }
            for (XNode at = patch.parent(); at != null; at = at.parent()) {
                ancestors.add(at);
            }
        }
        for (Patch patch : patches) {
            for (XNode added : patch.added()) {
                if (attached(added)) {
                    structure.checkNew(added, found);
                    constraints.checkSubtree(tree, added, shared, found);
                }
            }
        }
        final UniqueScope unique = new UniqueScope(structure);
        for (Patch patch : patches) {
            unique.add(patch.parent(), patch.removed(), patch.added(), patch.schemaPath());
        }
        ancestors.forEach(a -> structure.checkShallow(a, unique, found));
        for (Patch patch : patches) {
            recheckDependents(patch, shared, found);
        }
        // a node can be reached both as changed and as a dependent: report each error once
        return List.copyOf(new LinkedHashSet<>(found));
    }

    /** Whether a node is still in the tree: a when condition may have removed it. */
    private static boolean attached(final XNode node) {
        return node.parent().child(node.pathArgument()).orElse(null) == node;
    }

    /** Undoes the patches, leaving the tree as it was before {@link #apply}. */
    void revert() {
        saved.forEach(XNode::restoreChildren);
        saved.clear();
        patches.clear();
    }

    /** Remembers a node's children before the first change to them. */
    private void save(final XNode node) {
        saved.computeIfAbsent(node, n -> List.copyOf(n.children()));
    }

    private void patch(final ContainerNode after, final YangInstanceIdentifier id) {
        final List<PathArgument> path = dataPath(id);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a change of the whole datastore is validated in full");
        }
        XNode parent = tree;
        DataNodeContainer parentSchema = context;
        final List<QName> schemaPath = new ArrayList<>();
        for (PathArgument arg : path.subList(0, path.size() - 1)) {
            final Optional<XNode> next = parent.child(arg);
            if (next.isEmpty()) {
                // the parent is new too: rebuild from the deepest node that exists
                patchChildren(after, parent, parentSchema, schemaPath, arg);
                return;
            }
            parent = next.orElseThrow();
            parentSchema = (DataNodeContainer) parent.schema();
            schemaPath.add(arg.getNodeType());
        }
        patchChildren(after, parent, parentSchema, schemaPath, path.getLast());
    }

    private void patchChildren(final ContainerNode after, final XNode parent, final DataNodeContainer parentSchema,
            final List<QName> parentSchemaPath, final PathArgument arg) {
        final DataSchemaNode schema = parentSchema.findDataTreeChild(arg.getNodeType()).orElseThrow(
            () -> new IllegalArgumentException("no schema node for " + arg));
        final boolean whole = arg instanceof NodeIdentifier;
        final List<XNode> removed = whole ? List.copyOf(parent.children(arg.getNodeType()))
            : parent.child(arg).map(List::of).orElse(List.of());
        final Optional<NormalizedNode> data = findData(after, parent, arg, schema);
        final List<XNode> added = data.map(d -> trees.detachedNodes(parent, d, schema)).orElse(List.of());
        save(parent);
        if (removed.size() == 1 && added.size() == 1) {
            parent.replaceChild(removed.get(0), added.get(0));
        } else {
            removed.forEach(parent::removeChild);
            added.forEach(parent::addChild);
        }
        final List<QName> schemaPath = new ArrayList<>(parentSchemaPath);
        schemaPath.add(arg.getNodeType());
        final List<XNode> all = new ArrayList<>(added);
        if (added.isEmpty()) {
            trees.restoreDefault(parent, schema);
            all.addAll(parent.children(arg.getNodeType()));
        }
        patches.add(new Patch(parent, removed, all, schemaPath, List.of(arg)));
    }

    /** The data of one child of {@code parent} in {@code after}: found by the parent's path. */
    private static Optional<NormalizedNode> findData(final ContainerNode after, final XNode parent,
            final PathArgument arg, final DataSchemaNode schema) {
        final List<PathArgument> nn = new ArrayList<>();
        for (PathArgument step : parent.path().getPathArguments()) {
            nn.add(step);
        }
        final YangInstanceIdentifier parentId = YangInstanceIdentifier.of(nn);
        final Optional<NormalizedNode> parentData = NormalizedNodes.findNode(after, toNormalized(parentId, after));
        if (parentData.isEmpty()) {
            return Optional.empty();
        }
        final NormalizedNode container = parentData.orElseThrow();
        if (arg instanceof NodeIdentifier) {
            return NormalizedNodes.findNode(container, choiceSteps(container, arg));
        }
        final NodeIdentifier level = NodeIdentifier.create(arg.getNodeType());
        return NormalizedNodes.findNode(container, choiceSteps(container, level))
            .flatMap(list -> NormalizedNodes.getDirectChild(list, arg));
    }

    /** The yangtools path of a node given by data path arguments: list levels and choices put back. */
    private static YangInstanceIdentifier toNormalized(final YangInstanceIdentifier dataPath,
            final ContainerNode root) {
        final List<PathArgument> result = new ArrayList<>();
        NormalizedNode at = root;
        for (PathArgument arg : dataPath.getPathArguments()) {
            final List<PathArgument> steps = new ArrayList<>(choiceSteps(at, arg instanceof NodeIdentifier ? arg
                : NodeIdentifier.create(arg.getNodeType())));
            if (!(arg instanceof NodeIdentifier)) {
                steps.add(arg);
            }
            final Optional<NormalizedNode> next = NormalizedNodes.findNode(at, steps);
            if (next.isEmpty()) {
                return YangInstanceIdentifier.of(result).node(arg);
            }
            result.addAll(steps);
            at = next.orElseThrow();
        }
        return YangInstanceIdentifier.of(result);
    }

    /** The steps from a container to a named child, through the choice nodes that hold it. */
    private static List<PathArgument> choiceSteps(final NormalizedNode container, final PathArgument child) {
        if (NormalizedNodes.getDirectChild(container, child).isPresent()
                || !(container instanceof DataContainerNode data)) {
            return List.of(child);
        }
        for (var candidate : data.body()) {
            if (candidate instanceof ChoiceNode choice) {
                final List<PathArgument> inner = choiceSteps(choice, child);
                if (NormalizedNodes.findNode(choice, inner).isPresent()) {
                    final List<PathArgument> steps = new ArrayList<>();
                    steps.add(choice.name());
                    steps.addAll(inner);
                    return steps;
                }
            }
        }
        return List.of(child);
    }

    /** The data path of a yangtools path: without list levels and choice nodes. */
    private List<PathArgument> dataPath(final YangInstanceIdentifier id) {
        final List<PathArgument> args = id.getPathArguments();
        final List<PathArgument> result = new ArrayList<>();
        DataNodeContainer schema = context;
        for (int i = 0; i < args.size(); i++) {
            final PathArgument arg = args.get(i);
            if (!(arg instanceof NodeIdentifier)) {
                result.add(arg);
                continue;
            }
            final DataSchemaNode child = schema.dataChildByName(arg.getNodeType()) instanceof ChoiceSchemaNode choice
                ? choice : schema.findDataTreeChild(arg.getNodeType()).orElse(null);
            if (child instanceof ChoiceSchemaNode) {
                continue;
            }
            if ((child instanceof ListSchemaNode || child instanceof LeafListSchemaNode) && i + 1 < args.size()) {
                schema = child instanceof ListSchemaNode list ? list : schema;
                continue;
            }
            result.add(arg);
            if (child instanceof DataNodeContainer container) {
                schema = container;
            }
        }
        return result;
    }

    private void recheckDependents(final Patch patch, final Map<LeafrefTypeDefinition, Set<String>> shared,
            final List<ValidationError> errors) {
        final List<PathArgument> dataPath = new ArrayList<>(patch.parent().path().getPathArguments());
        dataPath.addAll(patch.path());
        final Set<XNode> structureChecked = new HashSet<>();
        for (DependencyIndex.Dependent dependent : dependencies.affectedBy(patch.schemaPath())) {
            for (DependencyIndex.Ref ref : dependent.refs()) {
                if (!DependencyIndex.related(ref.path(), patch.schemaPath())) {
                    continue;
                }
                final int anchor = ref.anchor() <= dataPath.size()
                    && dependent.owner().subList(0, ref.anchor()).equals(patch.schemaPath().subList(0,
                        Math.min(ref.anchor(), patch.schemaPath().size()))) ? ref.anchor() : 0;
                final XNode start = locate(dataPath.subList(0, Math.min(anchor, dataPath.size())));
                if (start == null) {
                    continue;
                }
                final List<XNode> owners = instances(start, dependent.owner(), start.path().getPathArguments().size());
                recheck(dependent, owners, start, shared, structureChecked, errors);
            }
        }
    }

    private void recheck(final DependencyIndex.Dependent dependent, final List<XNode> owners, final XNode start,
            final Map<LeafrefTypeDefinition, Set<String>> shared, final Set<XNode> structureChecked,
            final List<ValidationError> errors) {
        switch (dependent.kind()) {
            case MUST -> owners.forEach(o -> constraints.checkMust((MustDefinition) dependent.constraint(), o, errors));
            case LEAFREF -> owners.stream().filter(o -> !o.isImplicit())
                .forEach(o -> constraints.checkLeafref(o, (LeafrefTypeDefinition) dependent.constraint(), shared,
                    errors));
            case INSTANCE_IDENTIFIER -> owners.forEach(o -> constraints.checkInstanceIdentifier(tree, o, errors));
            case WHEN -> {
                owners.forEach(o -> constraints.checkOwnWhen(o, this::save, errors));
                final List<QName> parentPath = dependent.owner().subList(0, dependent.owner().size() - 1);
                for (XNode parent : instances(start, parentPath, start.path().getPathArguments().size())) {
                    if (structureChecked.add(parent)) {
                        structure.checkShallow(parent, errors);
                    }
                }
            }
        }
    }

    /** The node at a data path, or null. */
    private XNode locate(final List<PathArgument> path) {
        XNode at = tree;
        for (PathArgument arg : path) {
            at = at.child(arg).orElse(null);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** The nodes at schema path {@code owner} below {@code start}, which is at depth {@code depth}. */
    private static List<XNode> instances(final XNode start, final List<QName> owner, final int depth) {
        List<XNode> level = List.of(start);
        for (QName name : owner.subList(Math.min(depth, owner.size()), owner.size())) {
            final List<XNode> next = new ArrayList<>();
            for (XNode node : level) {
                next.addAll(node.children(name));
            }
            level = next;
        }
        return depth <= owner.size() ? level : List.of();
    }
}

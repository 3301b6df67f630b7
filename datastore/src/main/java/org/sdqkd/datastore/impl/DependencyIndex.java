package org.sdqkd.datastore.impl;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.MustConstraintAware;
import org.opendaylight.yangtools.yang.model.api.MustDefinition;
import org.opendaylight.yangtools.yang.model.api.PathExpression;
import org.opendaylight.yangtools.yang.model.api.TypeAware;
import org.opendaylight.yangtools.yang.model.api.type.InstanceIdentifierTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFilterExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunction;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNegateExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangPathExpr;
import org.sdqkd.datastore.impl.xpath.Conditions;

/**
 * What each XPath-based constraint of the models reads, found by static analysis of its expression, so
 * that a change re-checks only the constraints it can affect. A reference is a schema path (data node
 * names from the root) and an anchor: the depth down to which the path it was reached by is that of the
 * constrained node itself. A change under the anchor's data node affects only the constrained nodes in
 * that subtree; a reference anchored at the root (an absolute path) affects every constrained node.
 * Whatever the analysis cannot follow (descendant and ancestor axes, wildcards, deref) is taken to read
 * everything below the node it starts from.
 */
final class DependencyIndex {
    /** What a constraint reads. */
    record Ref(List<QName> path, int anchor) {
        Ref {
            path = List.copyOf(path);
        }
    }

    /** The kinds of constraint tracked. */
    enum Kind { MUST, WHEN, LEAFREF, INSTANCE_IDENTIFIER }

    /**
     * A constraint on the nodes at schema path {@code owner}.
     *
     * @param kind what it is
     * @param owner the schema path of the constrained node
     * @param constraint the {@link MustDefinition}, {@link Conditions.When}, {@link LeafrefTypeDefinition} or
     *                   instance-identifier leaf
     * @param refs what it reads
     */
    record Dependent(Kind kind, List<QName> owner, Object constraint, List<Ref> refs) {
        Dependent {
            owner = List.copyOf(owner);
            refs = List.copyOf(refs);
        }

        /** Whether a change at schema path {@code changed} can change the outcome. */
        boolean readsChangeAt(final List<QName> changed) {
            return refs.stream().anyMatch(r -> related(r.path(), changed));
        }
    }

    private final List<Dependent> dependents = new ArrayList<>();
    private final Conditions conditions;

    DependencyIndex(final EffectiveModelContext context, final Conditions conditions) {
        this.conditions = conditions;
        walk(context, new ArrayList<>());
    }

    /** The constraints a change at schema path {@code changed} can affect. */
    List<Dependent> affectedBy(final List<QName> changed) {
        return dependents.stream().filter(d -> d.readsChangeAt(changed)).toList();
    }

    private void walk(final DataNodeContainer container, final List<QName> path) {
        for (DataSchemaNode child : container.getChildNodes()) {
            if (child instanceof ChoiceSchemaNode choice) {
                for (CaseSchemaNode caseNode : choice.getCases()) {
                    walkChild(container, caseNode, path);
                }
            } else {
                index(container, child, path);
            }
        }
    }

    private void walkChild(final DataNodeContainer parent, final CaseSchemaNode caseNode, final List<QName> path) {
        for (DataSchemaNode member : caseNode.getChildNodes()) {
            if (member instanceof ChoiceSchemaNode nested) {
                nested.getCases().forEach(c -> walkChild(parent, c, path));
            } else {
                index(parent, member, path);
            }
        }
    }

    private void index(final DataNodeContainer parent, final DataSchemaNode child, final List<QName> parentPath) {
        final List<QName> owner = new ArrayList<>(parentPath);
        owner.add(child.getQName());
        final QNameModule module = child.getQName().getModule();
        for (Conditions.When when : conditions.of(parent, child)) {
            final List<QName> context = when.parentContext() ? parentPath : owner;
            dependents.add(new Dependent(Kind.WHEN, owner, when,
                refs(when.statement().argument().getRootExpr(), context, module)));
        }
        if (child instanceof MustConstraintAware aware) {
            for (MustDefinition must : aware.getMustConstraints()) {
                final List<Ref> refs = refs(must.getXpath().getRootExpr(), owner, module);
                dependents.add(new Dependent(Kind.MUST, owner, must, refs));
            }
        }
        if (child instanceof TypeAware typed && typed.getType() instanceof LeafrefTypeDefinition leafref) {
            dependents.add(new Dependent(Kind.LEAFREF, owner, leafref, leafrefRefs(leafref, owner, module)));
        }
        if (child instanceof TypeAware typed && typed.getType() instanceof InstanceIdentifierTypeDefinition) {
            // the target can be anywhere
            dependents.add(new Dependent(Kind.INSTANCE_IDENTIFIER, owner, typed, List.of(new Ref(List.of(), 0))));
        }
        if (child instanceof DataNodeContainer container) {
            walk(container, owner);
        }
    }

    private static List<Ref> leafrefRefs(final LeafrefTypeDefinition leafref, final List<QName> owner,
            final QNameModule module) {
        final List<Ref> refs = new ArrayList<>();
        if (leafref.getPathStatement().getSteps() instanceof PathExpression.LocationPathSteps steps) {
            new Analysis(owner, module, refs).path(steps.getLocationPath(), owner, owner.size());
        } else {
            refs.add(new Ref(List.of(), 0));
        }
        return refs;
    }

    private static List<Ref> refs(final YangExpr expr, final List<QName> context, final QNameModule module) {
        final List<Ref> refs = new ArrayList<>();
        new Analysis(context, module, refs).expr(expr, context, context.size());
        return refs;
    }

    /** Whether one schema path is a prefix of the other. */
    static boolean related(final List<QName> a, final List<QName> b) {
        final int n = Math.min(a.size(), b.size());
        return a.subList(0, n).equals(b.subList(0, n));
    }

    /** One expression's analysis: {@code current} is the path of current(), refs collects the references. */
    private record Analysis(List<QName> current, QNameModule module, List<Ref> refs) {
        /** Analyses {@code expr} evaluated at {@code at}, whose instance-specific prefix is {@code anchor} long. */
        void expr(final YangExpr expr, final List<QName> at, final int anchor) {
            switch (expr) {
                case YangLocationPath path -> path(path, at, anchor);
                case YangPathExpr path -> {
                    if (path.getFilterExpr() instanceof YangFunctionCallExpr call && isCurrent(call)) {
                        path.getLocationPath().ifPresentOrElse(p -> path(p, current, current.size()),
                            () -> refs.add(new Ref(current, current.size())));
                    } else {
                        expr(path.getFilterExpr(), at, anchor);
                        path.getLocationPath().ifPresent(p -> refs.add(new Ref(List.of(), 0)));
                    }
                }
                case YangFunctionCallExpr call -> {
                    if (isCurrent(call)) {
                        refs.add(new Ref(current, current.size()));
                    } else if (call.getName().equals(YangFunction.DEREF.getIdentifier())) {
                        refs.add(new Ref(List.of(), 0));
                    } else {
                        call.getArguments().forEach(a -> expr(a, at, anchor));
                    }
                }
                case YangBinaryExpr binary -> {
                    expr(binary.getLeftExpr(), at, anchor);
                    expr(binary.getRightExpr(), at, anchor);
                }
                case YangNaryExpr nary -> nary.getExpressions().forEach(e -> expr(e, at, anchor));
                case YangNegateExpr negate -> expr(negate.getSubExpr(), at, anchor);
                case YangFilterExpr filter -> {
                    expr(filter.getExpr(), at, anchor);
                    filter.getPredicates().forEach(p -> refs.add(new Ref(List.of(), 0)));
                }
                default -> {
                    // literals and numbers read nothing
                }
            }
        }

        void path(final YangLocationPath path, final List<QName> from, final int fromAnchor) {
            final List<QName> at = new ArrayList<>(path.isAbsolute() ? List.of() : from);
            int anchor = path.isAbsolute() ? 0 : fromAnchor;
            for (YangLocationPath.Step step : path.getSteps()) {
                final QName name = step instanceof YangLocationPath.QNameStep named ? resolve(named) : null;
                switch (step.getAxis()) {
                    case CHILD -> {
                        if (name == null) {
                            refs.add(new Ref(at, anchor));
                            return;
                        }
                        at.add(name);
                    }
                    case PARENT -> {
                        if (!at.isEmpty()) {
                            at.removeLast();
                        }
                        anchor = Math.min(anchor, at.size());
                    }
                    case SELF -> {
                        // stays
                    }
                    case PRECEDING_SIBLING, FOLLOWING_SIBLING -> {
                        if (!at.isEmpty()) {
                            at.removeLast();
                        }
                        anchor = Math.min(anchor, at.size());
                        if (name == null) {
                            refs.add(new Ref(at, anchor));
                            return;
                        }
                        at.add(name);
                    }
                    default -> {
                        // ancestors, descendants, following, preceding: all of the tree, conservatively
                        refs.add(new Ref(List.of(), 0));
                        return;
                    }
                }
                for (YangExpr predicate : step.getPredicates()) {
                    expr(predicate, List.copyOf(at), anchor);
                }
            }
            refs.add(new Ref(at, anchor));
        }

        private QName resolve(final YangLocationPath.QNameStep step) {
            return switch (step) {
                case YangLocationPath.ResolvedQNameStep resolved -> resolved.getQName();
                case YangLocationPath.UnresolvedQNameStep unresolved ->
                    QName.create(module, unresolved.getQName().getLocalName());
            };
        }

        private static boolean isCurrent(final YangFunctionCallExpr call) {
            return call.getName().equals(YangFunction.CURRENT.getIdentifier()) && call.getArguments().isEmpty();
        }
    }
}

package org.sdqkd.datastore.impl.xpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.model.api.PathExpression;
import org.opendaylight.yangtools.yang.model.api.TypeAware;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;

/** Resolves the targets of a leafref (RFC 7950 section 9.9) over an {@link XNode} tree. */
public final class LeafrefTargets {
    private final XPathEvaluator evaluator;
    private final XStrings strings;

    public LeafrefTargets(final XPathEvaluator evaluator, final XStrings strings) {
        this.evaluator = evaluator;
        this.strings = strings;
    }

    /** The leafref type of a leaf or leaf-list node, if it has one. */
    static Optional<LeafrefTypeDefinition> leafrefType(final XNode node) {
        return node.schema() instanceof TypeAware typed && typed.getType() instanceof LeafrefTypeDefinition leafref
            ? Optional.of(leafref) : Optional.empty();
    }

    /** The nodes the leafref's path selects from {@code node}: the candidates for its value. */
    public List<XNode> candidates(final XNode node, final LeafrefTypeDefinition type) {
        return switch (type.getPathStatement().getSteps()) {
            case PathExpression.LocationPathSteps steps -> evaluator.select(steps.getLocationPath(), node, null);
            case PathExpression.DerefSteps deref -> {
                final List<XNode> result = new ArrayList<>();
                for (XNode start : evaluator.select(deref.getDerefArgument(), node, null)) {
                    for (XNode target : dereference(start)) {
                        result.addAll(evaluator.select(deref.getRelativePath(), target, null));
                    }
                }
                yield result;
            }
        };
    }

    /**
     * Whether the candidates are the same from every node: an absolute path without predicates, such as
     * {@code /network/node/node-id}. Their values can then be computed once for all leafrefs of the type.
     */
    public static boolean sameForEveryNode(final LeafrefTypeDefinition type) {
        return type.getPathStatement().getSteps() instanceof PathExpression.LocationPathSteps steps
            && steps.getLocationPath().isAbsolute()
            && steps.getLocationPath().getSteps().stream().allMatch(step -> step.getPredicates().isEmpty());
    }

    /** The nodes a leafref node refers to: candidates whose value equals its value. */
    public List<XNode> dereference(final XNode node) {
        final Optional<LeafrefTypeDefinition> type = leafrefType(node);
        if (type.isEmpty()) {
            return List.of();
        }
        final String value = strings.of(node);
        return candidates(node, type.orElseThrow()).stream().filter(c -> strings.of(c).equals(value)).toList();
    }
}

package org.sdqkd.datastore.impl.xpath;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryOperator;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunction;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLiteralExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangPathExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathAxis;

/**
 * Answers the common predicate {@code list[leaf = value]}, where {@code value} does not depend on the
 * context node (a literal, an absolute path or a path from {@code current()}), through an index of the
 * list's entries by that leaf instead of testing every entry. Only string equality on a plain leaf
 * qualifies; everything else is evaluated entry by entry.
 */
final class KeyLookup {
    private final XPathEvaluator evaluator;
    private final XStrings strings;

    KeyLookup(final XPathEvaluator evaluator, final XStrings strings) {
        this.evaluator = evaluator;
        this.strings = strings;
    }

    /** The entries of child list {@code list} of {@code parent} matching {@code predicate}, if indexable. */
    Optional<List<XNode>> lookup(final QName list, final YangExpr predicate, final XNode parent,
            final XPathEvaluator.Ctx ctx) {
        if (!(predicate instanceof YangBinaryExpr binary) || binary.getOperator() != YangBinaryOperator.EQUALS) {
            return Optional.empty();
        }
        QName leaf = leafStep(binary.getLeftExpr(), ctx);
        YangExpr valueExpr = binary.getRightExpr();
        if (leaf == null) {
            leaf = leafStep(binary.getRightExpr(), ctx);
            valueExpr = binary.getLeftExpr();
        }
        if (leaf == null || !contextFree(valueExpr)) {
            return Optional.empty();
        }
        final List<XNode> entries = parent.children(list);
        if (entries.isEmpty()) {
            return Optional.of(List.of());
        }
        if (!indexable(entries.get(0).schema(), leaf)) {
            return Optional.empty();
        }
        final XValue value = evaluator.eval(valueExpr, ctx);
        final List<String> wanted = switch (value) {
            case XValue.Str str -> List.of(str.value());
            case XValue.NodeSet set -> set.nodes().stream().map(strings::of).toList();
            default -> null;
        };
        if (wanted == null) {
            return Optional.empty();
        }
        final Map<String, List<XNode>> index = parent.keyIndex(list, leaf, strings::of);
        final Set<XNode> found = new LinkedHashSet<>();
        for (String key : wanted) {
            found.addAll(index.getOrDefault(key, List.of()));
        }
        final List<XNode> result = new ArrayList<>(found);
        result.sort(XNode.DOCUMENT_ORDER);
        return Optional.of(result);
    }

    /** The leaf of a one-step relative path {@code leaf}, or null. */
    private static QName leafStep(final YangExpr expr, final XPathEvaluator.Ctx ctx) {
        if (expr instanceof YangLocationPath path && !path.isAbsolute() && path.getSteps().size() == 1
                && path.getSteps().get(0) instanceof YangLocationPath.QNameStep step
                && step.getAxis() == YangXPathAxis.CHILD && step.getPredicates().isEmpty()) {
            return ctx.resolve(step);
        }
        return null;
    }

    private static boolean contextFree(final YangExpr expr) {
        return switch (expr) {
            case YangLiteralExpr literal -> true;
            case YangLocationPath path -> path.isAbsolute();
            case YangFunctionCallExpr call -> isCurrent(call);
            case YangPathExpr path -> path.getFilterExpr() instanceof YangFunctionCallExpr call && isCurrent(call);
            default -> false;
        };
    }

    private static boolean isCurrent(final YangFunctionCallExpr call) {
        return call.getName().equals(YangFunction.CURRENT.getIdentifier()) && call.getArguments().isEmpty();
    }

    /** A plain leaf of a list whose value compares as a string (not an identity, which has prefixes). */
    private static boolean indexable(final DataSchemaNode entrySchema, final QName leaf) {
        return entrySchema instanceof ListSchemaNode list
            && list.dataChildByName(leaf) instanceof LeafSchemaNode leafSchema
            && !(leafSchema.getType() instanceof IdentityrefTypeDefinition)
            && !(leafSchema.getType() instanceof UnionTypeDefinition);
    }
}

package org.sdqkd.datastore.impl.xpath;

import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryOperator;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;

/**
 * The comparisons of XPath 1.0 section 3.4. A string compared with an identityref node also matches when it
 * names the same identity through a prefix of the expression's module (RFC 7950 section 9.10.3).
 */
final class XComparison {
    private final XStrings strings;
    private final YangXPathExpression expression;

    XComparison(final XStrings strings, final YangXPathExpression expression) {
        this.strings = strings;
        this.expression = expression;
    }

    boolean compare(final YangBinaryOperator op, final XValue left, final XValue right) {
        if (left instanceof XValue.NodeSet set) {
            return anyNode(op, set, right, false);
        }
        if (right instanceof XValue.NodeSet set) {
            return anyNode(op, set, left, true);
        }
        return atomic(op, left, right);
    }

    /** Whether some node of the set compares true with the other value; {@code swapped} if the set is on the right. */
    private boolean anyNode(final YangBinaryOperator op, final XValue.NodeSet set, final XValue other,
            final boolean swapped) {
        if (other instanceof XValue.Bool bool) {
            final XValue setValue = XValue.Bool.of(!set.nodes().isEmpty());
            return swapped ? atomic(op, bool, setValue) : atomic(op, setValue, bool);
        }
        for (XNode node : set.nodes()) {
            if (other instanceof XValue.NodeSet otherSet) {
                for (XNode o : otherSet.nodes()) {
                    if (nodeVsValue(op, node, nodeValue(o), swapped)) {
                        return true;
                    }
                }
            } else if (nodeVsValue(op, node, other, swapped)) {
                return true;
            }
        }
        return false;
    }

    private XValue nodeValue(final XNode node) {
        return new XValue.Str(strings.of(node));
    }

    private boolean nodeVsValue(final YangBinaryOperator op, final XNode node, final XValue other,
            final boolean swapped) {
        if (node.value() instanceof QName identity && other instanceof XValue.Str str
                && (op == YangBinaryOperator.EQUALS || op == YangBinaryOperator.NOT_EQUALS)) {
            final boolean same = identity.equals(XPathEvaluator.interpretIdentity(expression, str.value()))
                || strings.valueString(identity).equals(str.value());
            return op == YangBinaryOperator.EQUALS == same;
        }
        final XValue mine = other instanceof XValue.Num ? new XValue.Num(XStrings.number(strings.of(node)))
            : nodeValue(node);
        return swapped ? atomic(op, other, mine) : atomic(op, mine, other);
    }

    private boolean atomic(final YangBinaryOperator op, final XValue left, final XValue right) {
        return switch (op) {
            case EQUALS -> equal(left, right);
            case NOT_EQUALS -> !equal(left, right);
            case LT -> strings.number(left) < strings.number(right);
            case LTE -> strings.number(left) <= strings.number(right);
            case GT -> strings.number(left) > strings.number(right);
            case GTE -> strings.number(left) >= strings.number(right);
            default -> throw new XPathException("not a comparison: " + op);
        };
    }

    private boolean equal(final XValue left, final XValue right) {
        if (left instanceof XValue.Bool || right instanceof XValue.Bool) {
            return XStrings.bool(left) == XStrings.bool(right);
        }
        if (left instanceof XValue.Num || right instanceof XValue.Num) {
            return strings.number(left) == strings.number(right);
        }
        return strings.string(left).equals(strings.string(right));
    }
}

package org.sdqkd.datastore.impl.xpath;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangBinaryOperator;
import org.opendaylight.yangtools.yang.xpath.api.YangBooleanConstantExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFilterExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLiteralExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNegateExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNumberExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangPathExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangQNameExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathAxis;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression.QualifiedBound;

/**
 * Evaluates XPath 1.0 expressions, as parsed by yangtools, over an {@link XNode} tree with the YANG
 * extensions of RFC 7950 section 10 ({@code current()}, {@code deref()}, {@code derived-from()}...).
 */
public final class XPathEvaluator {
    /**
     * Evaluation context: node, position and size, the node {@code current()} returns, the expression, and
     * the module of names without a prefix (RFC 7950 section 6.4.1: that of the node the expression is
     * defined on).
     */
    record Ctx(XNode node, int position, int size, XNode current, YangXPathExpression expression,
            QNameModule module) {
        Ctx with(final XNode other, final int pos, final int count) {
            return new Ctx(other, pos, count, current, expression, module);
        }

        /** The name a step names: its own if resolved, else its local name in the default module. */
        QName resolve(final YangLocationPath.QNameStep step) {
            return switch (step) {
                case YangLocationPath.ResolvedQNameStep resolved -> resolved.getQName();
                case YangLocationPath.UnresolvedQNameStep unresolved ->
                    QName.create(module, unresolved.getQName().getLocalName());
            };
        }
    }

    private final XStrings strings;
    private final XAxes axes = new XAxes();
    private final XFunctions functions;
    private final KeyLookup keys;

    /**
     * An evaluator for data of the given models.
     *
     * @param context the models
     */
    public XPathEvaluator(final EffectiveModelContext context) {
        strings = new XStrings(requireNonNull(context));
        functions = new XFunctions(this, strings, context);
        keys = new KeyLookup(this, strings);
    }

    /**
     * Evaluates a {@code must} or {@code when} expression as a boolean.
     *
     * @param expression the expression
     * @param contextNode the context node, which is also the initial {@code current()}
     * @return its boolean value
     * @throws XPathException if the expression cannot be evaluated
     */
    public boolean test(final YangXPathExpression expression, final XNode contextNode) {
        return test(expression, contextNode, contextNode.name().getModule());
    }

    /**
     * Evaluates an expression as a boolean, with names without prefix in a given module.
     *
     * @param expression the expression
     * @param contextNode the context node, which is also the initial {@code current()}
     * @param module the module of the node the expression is defined on
     * @return its boolean value
     * @throws XPathException if the expression cannot be evaluated
     */
    public boolean test(final YangXPathExpression expression, final XNode contextNode, final QNameModule module) {
        return XStrings.bool(eval(expression.getRootExpr(),
            new Ctx(contextNode, 1, 1, contextNode, expression, module)));
    }

    /** Evaluates a location path (a leafref path) from a node, returning the selected nodes. */
    public List<XNode> select(final YangLocationPath path, final XNode contextNode,
            final YangXPathExpression expression) {
        return path(path, new Ctx(contextNode, 1, 1, contextNode, expression, contextNode.name().getModule()))
            .nodes();
    }

    XValue eval(final YangExpr expr, final Ctx ctx) {
        return switch (expr) {
            case YangBooleanConstantExpr constant -> XValue.Bool.of(constant.getValue());
            case YangLiteralExpr literal -> new XValue.Str(literal.getLiteral());
            case YangNumberExpr number -> new XValue.Num(number.getNumber().doubleValue());
            case YangQNameExpr.Resolved qname -> new XValue.Str(strings.valueString(qname.getQName()));
            case YangQNameExpr.Unresolved qname -> new XValue.Str(qname.getQName().toString());
            case YangNegateExpr negate -> new XValue.Num(-strings.number(eval(negate.getSubExpr(), ctx)));
            case YangNaryExpr nary -> nary(nary, ctx);
            case YangBinaryExpr binary -> binary(binary, ctx);
            case YangFunctionCallExpr call -> functions.call(call, ctx);
            case YangLocationPath path -> path(path, ctx);
            case YangFilterExpr filter -> filter(filter, ctx);
            case YangPathExpr path -> pathExpr(path, ctx);
            default -> throw new XPathException("unsupported XPath construct " + expr);
        };
    }

    private XValue nary(final YangNaryExpr nary, final Ctx ctx) {
        switch (nary.getOperator()) {
            case AND -> {
                for (YangExpr operand : nary.getExpressions()) {
                    if (!XStrings.bool(eval(operand, ctx))) {
                        return XValue.Bool.FALSE;
                    }
                }
                return XValue.Bool.TRUE;
            }
            case OR -> {
                for (YangExpr operand : nary.getExpressions()) {
                    if (XStrings.bool(eval(operand, ctx))) {
                        return XValue.Bool.TRUE;
                    }
                }
                return XValue.Bool.FALSE;
            }
            case UNION -> {
                final Set<XNode> union = new LinkedHashSet<>();
                for (YangExpr operand : nary.getExpressions()) {
                    union.addAll(nodeSet(eval(operand, ctx), "|").nodes());
                }
                return sorted(union);
            }
            default -> throw new XPathException("unsupported operator " + nary.getOperator());
        }
    }

    private XValue binary(final YangBinaryExpr binary, final Ctx ctx) {
        final XValue left = eval(binary.getLeftExpr(), ctx);
        final XValue right = eval(binary.getRightExpr(), ctx);
        final YangBinaryOperator op = binary.getOperator();
        return switch (op) {
            case EQUALS, NOT_EQUALS, LT, LTE, GT, GTE -> XValue.Bool.of(new XComparison(strings, ctx.expression())
                .compare(op, left, right));
            case PLUS -> new XValue.Num(strings.number(left) + strings.number(right));
            case MINUS -> new XValue.Num(strings.number(left) - strings.number(right));
            case MUL -> new XValue.Num(strings.number(left) * strings.number(right));
            case DIV -> new XValue.Num(strings.number(left) / strings.number(right));
            case MOD -> new XValue.Num(strings.number(left) % strings.number(right));
        };
    }

    XValue.NodeSet path(final YangLocationPath path, final Ctx ctx) {
        List<XNode> current = List.of(path.isAbsolute() ? root(ctx.node()) : ctx.node());
        for (YangLocationPath.Step step : path.getSteps()) {
            current = step(step, current, ctx);
        }
        return new XValue.NodeSet(current);
    }

    private List<XNode> step(final YangLocationPath.Step step, final List<XNode> from, final Ctx ctx) {
        final YangXPathAxis axis = step.getAxis();
        if (axis == YangXPathAxis.CHILD || axis == YangXPathAxis.SELF || axis == YangXPathAxis.ATTRIBUTE) {
            // from a node-set in document order these axes select distinct nodes, already in order
            final List<XNode> result = new ArrayList<>();
            for (XNode node : from) {
                result.addAll(selectWithPredicates(step, node, ctx));
            }
            return result;
        }
        final Set<XNode> result = new LinkedHashSet<>();
        for (XNode node : from) {
            result.addAll(selectWithPredicates(step, node, ctx));
        }
        return sorted(result).nodes();
    }

    private List<XNode> selectWithPredicates(final YangLocationPath.Step step, final XNode node, final Ctx ctx) {
        final Iterator<YangExpr> predicates = step.getPredicates().iterator();
        List<XNode> selected = null;
        if (predicates.hasNext() && step.getAxis() == YangXPathAxis.CHILD
                && step instanceof YangLocationPath.QNameStep named) {
            selected = keys.lookup(ctx.resolve(named), step.getPredicates().iterator().next(), node, ctx)
                .orElse(null);
            if (selected != null) {
                predicates.next();
            }
        }
        if (selected == null) {
            selected = axes.select(step, node, ctx);
        }
        while (predicates.hasNext()) {
            selected = applyPredicate(predicates.next(), selected, ctx);
        }
        return selected;
    }

    private List<XNode> applyPredicate(final YangExpr predicate, final List<XNode> nodes, final Ctx ctx) {
        final List<XNode> kept = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            final XValue value = eval(predicate, ctx.with(nodes.get(i), i + 1, nodes.size()));
            final boolean keep = value instanceof XValue.Num num ? num.value() == i + 1 : XStrings.bool(value);
            if (keep) {
                kept.add(nodes.get(i));
            }
        }
        return kept;
    }

    private XValue filter(final YangFilterExpr filter, final Ctx ctx) {
        final XValue value = eval(filter.getExpr(), ctx);
        if (filter.getPredicates().isEmpty()) {
            return value;
        }
        List<XNode> nodes = nodeSet(value, "a predicate").nodes();
        for (YangExpr predicate : filter.getPredicates()) {
            nodes = applyPredicate(predicate, nodes, ctx);
        }
        return new XValue.NodeSet(nodes);
    }

    private XValue pathExpr(final YangPathExpr path, final Ctx ctx) {
        final XValue base = eval(path.getFilterExpr(), ctx);
        if (path.getLocationPath().isEmpty()) {
            return base;
        }
        List<XNode> current = nodeSet(base, "a path").nodes();
        for (YangLocationPath.Step step : path.getLocationPath().orElseThrow().getSteps()) {
            current = step(step, current, ctx);
        }
        return new XValue.NodeSet(current);
    }

    static XValue.NodeSet nodeSet(final XValue value, final String where) {
        if (value instanceof XValue.NodeSet set) {
            return set;
        }
        throw new XPathException(where + " needs a node-set, not " + value);
    }

    static XValue.NodeSet sorted(final Set<XNode> nodes) {
        final List<XNode> list = new ArrayList<>(nodes);
        list.sort(XNode.DOCUMENT_ORDER);
        return new XValue.NodeSet(list);
    }

    private static XNode root(final XNode node) {
        XNode root = node;
        while (root.parent() != null) {
            root = root.parent();
        }
        return root;
    }

    /** Resolves a string to an identity in the context of the expression's module, if it names one. */
    static QName interpretIdentity(final YangXPathExpression expression, final String text) {
        if (expression instanceof QualifiedBound bound) {
            try {
                return bound.interpretAsQName(YangLiteralExpr.of(text)) instanceof YangQNameExpr.Resolved resolved
                    ? resolved.getQName() : null;
            } catch (javax.xml.xpath.XPathExpressionException | IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}

package org.sdqkd.datastore.impl.xpath;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.TypeAware;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangFunction;
import org.opendaylight.yangtools.yang.xpath.api.YangFunctionCallExpr;
import org.sdqkd.datastore.impl.IdentityDerivation;

/** The XPath 1.0 core function library (section 4) and the YANG functions of RFC 7950 section 10. */
final class XFunctions {
    private static final Map<QName, YangFunction> BY_NAME = Arrays.stream(YangFunction.values())
        .collect(Collectors.toMap(YangFunction::getIdentifier, Function.identity()));

    private final XPathEvaluator evaluator;
    private final XStrings strings;
    private final IdentityDerivation identities;
    private final LeafrefTargets leafrefs;

    XFunctions(final XPathEvaluator evaluator, final XStrings strings, final EffectiveModelContext context) {
        this.evaluator = evaluator;
        this.strings = strings;
        identities = new IdentityDerivation(context);
        leafrefs = new LeafrefTargets(evaluator, strings);
    }

    XValue call(final YangFunctionCallExpr call, final XPathEvaluator.Ctx ctx) {
        final YangFunction function = BY_NAME.get(call.getName());
        if (function == null) {
            throw new XPathException("unknown function " + call.getName());
        }
        final List<YangExpr> args = call.getArguments();
        return switch (function) {
            case LAST -> new XValue.Num(ctx.size());
            case POSITION -> new XValue.Num(ctx.position());
            case COUNT -> new XValue.Num(nodes(args, 0, ctx).size());
            case ID -> XValue.NodeSet.EMPTY;
            case LOCAL_NAME, NAME, NAMESPACE_URI -> new XValue.Str(nameOf(function, args, ctx));
            case STRING -> new XValue.Str(stringArgument(args, ctx));
            case CONCAT -> new XValue.Str(args.stream().map(a -> strings.string(evaluator.eval(a, ctx)))
                .collect(Collectors.joining()));
            case STARTS_WITH -> XValue.Bool.of(str(args, 0, ctx).startsWith(str(args, 1, ctx)));
            case CONTAINS -> XValue.Bool.of(str(args, 0, ctx).contains(str(args, 1, ctx)));
            case SUBSTRING_BEFORE -> new XValue.Str(before(str(args, 0, ctx), str(args, 1, ctx)));
            case SUBSTRING_AFTER -> new XValue.Str(after(str(args, 0, ctx), str(args, 1, ctx)));
            case SUBSTRING -> new XValue.Str(substring(str(args, 0, ctx), num(args, 1, ctx),
                args.size() > 2 ? num(args, 2, ctx) : Double.POSITIVE_INFINITY));
            case STRING_LENGTH -> {
                final String value = stringArgument(args, ctx);
                yield new XValue.Num(value.codePointCount(0, value.length()));
            }
            case NORMALIZE_SPACE -> new XValue.Str(stringArgument(args, ctx).strip().replaceAll("[ \\t\\r\\n]+", " "));
            case TRANSLATE -> new XValue.Str(translate(str(args, 0, ctx), str(args, 1, ctx), str(args, 2, ctx)));
            case BOOLEAN -> XValue.Bool.of(XStrings.bool(evaluator.eval(args.get(0), ctx)));
            case NOT -> XValue.Bool.of(!XStrings.bool(evaluator.eval(args.get(0), ctx)));
            case TRUE -> XValue.Bool.TRUE;
            case FALSE, LANG -> XValue.Bool.FALSE;
            case NUMBER -> new XValue.Num(args.isEmpty() ? XStrings.number(strings.of(ctx.node())) : num(args, 0, ctx));
            case SUM -> new XValue.Num(nodes(args, 0, ctx).stream()
                .mapToDouble(n -> XStrings.number(strings.of(n))).sum());
            case FLOOR -> new XValue.Num(Math.floor(num(args, 0, ctx)));
            case CEILING -> new XValue.Num(Math.ceil(num(args, 0, ctx)));
            case ROUND -> new XValue.Num(round(num(args, 0, ctx)));
            case CURRENT -> new XValue.NodeSet(List.of(ctx.current()));
            case DEREF -> deref(nodes(args, 0, ctx));
            case DERIVED_FROM -> derivedFrom(args, ctx, false);
            case DERIVED_FROM_OR_SELF -> derivedFrom(args, ctx, true);
            case RE_MATCH -> XValue.Bool.of(reMatch(str(args, 0, ctx), str(args, 1, ctx)));
            case ENUM_VALUE -> enumValue(nodes(args, 0, ctx));
            case BIT_IS_SET -> bitIsSet(nodes(args, 0, ctx), str(args, 1, ctx));
        };
    }

    /** The first argument as a string, or the context node's string-value when there is none. */
    private String stringArgument(final List<YangExpr> args, final XPathEvaluator.Ctx ctx) {
        return args.isEmpty() ? strings.of(ctx.node()) : str(args, 0, ctx);
    }

    private String str(final List<YangExpr> args, final int index, final XPathEvaluator.Ctx ctx) {
        return strings.string(evaluator.eval(args.get(index), ctx));
    }

    private double num(final List<YangExpr> args, final int index, final XPathEvaluator.Ctx ctx) {
        return strings.number(evaluator.eval(args.get(index), ctx));
    }

    private List<XNode> nodes(final List<YangExpr> args, final int index, final XPathEvaluator.Ctx ctx) {
        return XPathEvaluator.nodeSet(evaluator.eval(args.get(index), ctx), "argument " + (index + 1)).nodes();
    }

    private String nameOf(final YangFunction function, final List<YangExpr> args, final XPathEvaluator.Ctx ctx) {
        final List<XNode> nodes = args.isEmpty() ? List.of(ctx.node()) : nodes(args, 0, ctx);
        if (nodes.isEmpty() || nodes.get(0).name() == null) {
            return "";
        }
        final QName name = nodes.get(0).name();
        return switch (function) {
            case LOCAL_NAME -> name.getLocalName();
            case NAMESPACE_URI -> name.getNamespace().toString();
            default -> strings.valueString(name);
        };
    }

    private XValue deref(final List<XNode> nodes) {
        if (nodes.isEmpty()) {
            return XValue.NodeSet.EMPTY;
        }
        return XPathEvaluator.sorted(new LinkedHashSet<>(leafrefs.dereference(nodes.get(0))));
    }

    private XValue derivedFrom(final List<YangExpr> args, final XPathEvaluator.Ctx ctx, final boolean orSelf) {
        final String baseText = str(args, 1, ctx);
        final QName base = XPathEvaluator.interpretIdentity(ctx.expression(), baseText);
        if (base == null) {
            return XValue.Bool.FALSE;
        }
        for (XNode node : nodes(args, 0, ctx)) {
            if (node.value() instanceof QName identity && identities.derivedFrom(identity, base, orSelf)) {
                return XValue.Bool.TRUE;
            }
        }
        return XValue.Bool.FALSE;
    }

    private XValue enumValue(final List<XNode> nodes) {
        if (nodes.isEmpty() || !(nodes.get(0).schema() instanceof TypeAware typed)
                || !(typed.getType() instanceof EnumTypeDefinition enumType)) {
            return new XValue.Num(Double.NaN);
        }
        final String name = strings.of(nodes.get(0));
        return enumType.getValues().stream().filter(p -> p.getName().equals(name)).findFirst()
            .<XValue>map(p -> new XValue.Num(p.getValue()))
            .orElse(new XValue.Num(Double.NaN));
    }

    private static XValue bitIsSet(final List<XNode> nodes, final String bit) {
        return XValue.Bool.of(!nodes.isEmpty() && nodes.get(0).value() instanceof Collection<?> bits
            && bits.stream().anyMatch(b -> b.toString().equals(bit)));
    }

    /** XSD regular expressions (XML Schema Part 2, appendix F) are implicitly anchored; Java's are not. */
    static boolean reMatch(final String value, final String xsdPattern) {
        try {
            return Pattern.compile(xsdPattern.replace("\\p{Is", "\\p{In")).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            throw new XPathException("re-match: invalid pattern " + xsdPattern);
        }
    }

    private static String before(final String s, final String sep) {
        final int at = s.indexOf(sep);
        return at < 0 ? "" : s.substring(0, at);
    }

    private static String after(final String s, final String sep) {
        final int at = s.indexOf(sep);
        return at < 0 ? "" : s.substring(at + sep.length());
    }

    /** XPath substring(): 1-based positions, rounded, over characters. */
    static String substring(final String s, final double start, final double length) {
        final double first = round(start);
        final double last = first + round(length);
        final StringBuilder out = new StringBuilder();
        final int[] codePoints = s.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            final int position = i + 1;
            if (position >= first && position < last) {
                out.appendCodePoint(codePoints[i]);
            }
        }
        return out.toString();
    }

    private static String translate(final String s, final String from, final String to) {
        final StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            final int at = from.indexOf(c);
            if (at < 0) {
                out.append(c);
            } else if (at < to.length()) {
                out.append(to.charAt(at));
            }
        }
        return out.toString();
    }

    static double round(final double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        return Math.floor(value + 0.5);
    }
}

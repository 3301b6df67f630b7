package org.sdqkd.datastore.impl.xpath;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collection;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/** Conversions between YANG values, XPath node string-values, numbers and booleans (XPath 1.0 section 4). */
public final class XStrings {
    private final EffectiveModelContext context;

    public XStrings(final EffectiveModelContext context) {
        this.context = context;
    }

    /** The string-value of a node: a leaf's canonical value, or the concatenated values below it. */
    public String of(final XNode node) {
        if (node.value() != null) {
            return valueString(node.value());
        }
        final StringBuilder text = new StringBuilder();
        for (XNode child : node.children()) {
            text.append(of(child));
        }
        return text.toString();
    }

    /** The canonical string form of a typed YANG value. */
    public String valueString(final Object value) {
        return switch (value) {
            case QName identity -> moduleName(identity) + ':' + identity.getLocalName();
            case Empty empty -> "";
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Collection<?> bits -> bits.stream().map(String::valueOf).collect(Collectors.joining(" "));
            default -> value.toString();
        };
    }

    private String moduleName(final QName identity) {
        final var module = context.getModuleStatements().get(identity.getModule());
        return module == null ? identity.getModule().namespace().toString() : module.argument().getLocalName();
    }

    String string(final XValue value) {
        return switch (value) {
            case XValue.NodeSet set -> set.nodes().isEmpty() ? "" : of(set.nodes().get(0));
            case XValue.Str str -> str.value();
            case XValue.Num num -> numberString(num.value());
            case XValue.Bool bool -> bool.value() ? "true" : "false";
        };
    }

    double number(final XValue value) {
        return switch (value) {
            case XValue.NodeSet set -> number(string(set));
            case XValue.Str str -> number(str.value());
            case XValue.Num num -> num.value();
            case XValue.Bool bool -> bool.value() ? 1 : 0;
        };
    }

    static double number(final String text) {
        final String trimmed = text.strip();
        if (trimmed.isEmpty() || !trimmed.matches("-?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return Double.NaN;
        }
        return Double.parseDouble(trimmed);
    }

    static boolean bool(final XValue value) {
        return switch (value) {
            case XValue.NodeSet set -> !set.nodes().isEmpty();
            case XValue.Str str -> !str.value().isEmpty();
            case XValue.Num num -> num.value() != 0 && !Double.isNaN(num.value());
            case XValue.Bool bool -> bool.value();
        };
    }

    static String numberString(final double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e18) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

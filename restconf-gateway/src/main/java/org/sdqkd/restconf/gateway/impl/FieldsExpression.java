package org.sdqkd.restconf.gateway.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * A parsed {@code fields} query parameter (RFC 8040 section 4.8.3): {@code fields-expr = path "(" fields-expr ")" /
 * path ";" fields-expr / path}, {@code path = api-identifier ["/" path]}, as a tree of selected names. A node with no
 * children selects its whole subtree. Names are not resolved against the models here ({@link FieldsFilter} does).
 */
final class FieldsExpression {
    /**
     * A name in the expression.
     *
     * @param module the module name before the colon, if any
     * @param name   the node name
     */
    record Name(Optional<String> module, String name) {
    }

    private final Map<Name, FieldsExpression> children = new LinkedHashMap<>();
    private boolean whole;

    private FieldsExpression() {
    }

    /** The selected children; empty when the whole subtree is selected. */
    Map<Name, FieldsExpression> children() {
        return whole ? Map.of() : Map.copyOf(children);
    }

    /**
     * Parses an expression.
     *
     * @param text the parameter's value, percent-decoded
     * @return the selection tree
     * @throws RestconfException 400 invalid-value when the expression is malformed
     */
    static FieldsExpression parse(final String text) throws RestconfException {
        final FieldsExpression root = new FieldsExpression();
        final Parser parser = new Parser(text);
        parser.expression(root);
        if (parser.position != text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.position) + "'");
        }
        return root;
    }

    private FieldsExpression child(final Name name) {
        return children.computeIfAbsent(name, unused -> new FieldsExpression());
    }

    private static final class Parser {
        private final String text;
        private int position;

        Parser(final String text) {
            this.text = text;
        }

        void expression(final FieldsExpression parent) throws RestconfException {
            do {
                FieldsExpression node = parent.child(name());
                while (peek('/')) {
                    position++;
                    node = node.child(name());
                }
                if (peek('(')) {
                    position++;
                    expression(node);
                    if (!peek(')')) {
                        throw error("missing ')'");
                    }
                    position++;
                } else {
                    node.whole = true;
                }
            } while (peek(';') && position++ >= 0);
        }

        private Name name() throws RestconfException {
            final int start = position;
            while (position < text.length() && isNameChar(text.charAt(position))) {
                position++;
            }
            final String token = text.substring(start, position);
            final int colon = token.indexOf(':');
            final Optional<String> module = colon < 0 ? Optional.empty() : Optional.of(token.substring(0, colon));
            final String local = colon < 0 ? token : token.substring(colon + 1);
            if (!isIdentifier(local) || module.isPresent() && !isIdentifier(module.orElseThrow())) {
                throw error("'" + token + "' is not a node name ([module:]identifier)");
            }
            return new Name(module, local);
        }

        private static boolean isNameChar(final char ch) {
            return ch == ':' || ch == '_' || ch == '-' || ch == '.' || ch >= 'a' && ch <= 'z'
                || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9';
        }

        private static boolean isIdentifier(final String name) {
            return !name.isEmpty() && name.indexOf(':') < 0 && (Character.isLetter(name.charAt(0))
                || name.charAt(0) == '_') && name.chars().allMatch(ch -> isNameChar((char) ch));
        }

        private boolean peek(final char ch) {
            return position < text.length() && text.charAt(position) == ch;
        }

        RestconfException error(final String problem) {
            return new RestconfException(400, RestconfError.of(ErrorTag.INVALID_VALUE, "fields=" + text
                + " is not a valid fields expression (RFC 8040 section 4.8.3): " + problem + " at position "
                + position));
        }
    }
}

package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The {@code error-path} of an rpc-error (RFC 6241 section 4.3): an absolute XPath expression naming the node
 * in error, with the namespace bindings of the prefixes it uses, which are declared on the element when written.
 *
 * @param xpath      the expression, such as {@code /t:top/t:list[t:key='v']}
 * @param namespaces the namespace of each prefix used in {@code xpath}
 */
public record ErrorPath(String xpath, Map<String, String> namespaces) {
    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if the expression is empty
     */
    public ErrorPath {
        requireNonNull(xpath);
        if (xpath.isBlank()) {
            throw new IllegalArgumentException("an error-path cannot be empty");
        }
        namespaces = Map.copyOf(namespaces);
    }

    /**
     * A path without prefixes to bind.
     *
     * @param xpath the expression
     * @return the path
     */
    public static ErrorPath of(final String xpath) {
        return new ErrorPath(xpath, Map.of());
    }
}

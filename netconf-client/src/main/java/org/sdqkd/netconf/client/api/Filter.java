package org.sdqkd.netconf.client.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sdqkd.netconf.protocol.api.XmlElement;

/** A filter selecting part of a datastore: subtree (RFC 6241 section 6) or XPath (section 8.9). */
public sealed interface Filter {
    /**
     * A subtree filter.
     *
     * @param content the filter's top-level elements, at least one
     */
    record Subtree(List<XmlElement> content) implements Filter {
        /**
         * Checks and copies the content.
         *
         * @throws IllegalArgumentException if the content is empty
         */
        public Subtree {
            content = List.copyOf(content);
            if (content.isEmpty()) {
                throw new IllegalArgumentException("a subtree filter needs at least one element");
            }
        }
    }

    /**
     * An XPath 1.0 filter (the {@code :xpath} capability).
     *
     * @param select the XPath expression
     * @param namespaces the prefixes the expression uses, bound to their namespaces
     */
    record XPath(String select, Map<String, String> namespaces) implements Filter {
        /**
         * Checks and copies the components.
         *
         * @throws IllegalArgumentException if the expression is blank or a prefix is empty
         */
        public XPath {
            requireNonNull(select);
            namespaces = Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
            if (select.isBlank()) {
                throw new IllegalArgumentException("blank XPath filter");
            }
            if (namespaces.containsKey("")) {
                throw new IllegalArgumentException("an XPath filter's prefixes must not be empty");
            }
        }
    }

    /**
     * A subtree filter of the given elements.
     *
     * @param content the top-level elements
     * @return the filter
     */
    static Filter subtree(final XmlElement... content) {
        return new Subtree(Arrays.asList(content));
    }

    /**
     * An XPath filter.
     *
     * @param select the expression
     * @param namespaces the prefixes it uses and their namespaces
     * @return the filter
     */
    static Filter xpath(final String select, final Map<String, String> namespaces) {
        return new XPath(select, namespaces);
    }
}

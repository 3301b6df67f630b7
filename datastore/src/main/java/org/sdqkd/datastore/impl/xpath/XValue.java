package org.sdqkd.datastore.impl.xpath;

import java.util.List;

/** An XPath 1.0 value (section 1 of the XPath 1.0 recommendation): a node-set, a string, a number or a boolean. */
sealed interface XValue {
    /** A node-set, sorted in document order without duplicates. */
    record NodeSet(List<XNode> nodes) implements XValue {
        static final NodeSet EMPTY = new NodeSet(List.of());

        public NodeSet {
            nodes = List.copyOf(nodes);
        }
    }

    /** A string. */
    record Str(String value) implements XValue {
    }

    /** A number (IEEE 754 double, as XPath 1.0 defines). */
    record Num(double value) implements XValue {
    }

    /** A boolean. */
    record Bool(boolean value) implements XValue {
        static final Bool TRUE = new Bool(true);
        static final Bool FALSE = new Bool(false);

        static Bool of(final boolean value) {
            return value ? TRUE : FALSE;
        }
    }
}

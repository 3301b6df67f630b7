package org.sdqkd.netconf.server.impl.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Subtree filtering (RFC 6241 section 6): selects from data the subtrees a filter's elements describe. A filter
 * element without children is a selection node (the whole subtree is selected); one holding only text is a content
 * match node (its sibling data must have that value); one holding elements is a containment node. Data that fails
 * a content match at one level is not selected at all; data whose filter has only content match nodes is selected
 * whole. Filter elements without a namespace match elements of any namespace. Several filter elements that match
 * the same data are combined.
 */
final class SubtreeFilter {
    private SubtreeFilter() {
        // static only
    }

    /**
     * Filters data.
     *
     * @param data   a {@code <data>} element whose children are the top-level nodes
     * @param filter the {@code <filter type="subtree">} element
     * @return a new {@code <data>} element holding what the filter selects; the selected nodes are moved out of
     *         {@code data}, which must not be used afterwards
     */
    static Element apply(final Element data, final Element filter) {
        // the result shares the data's document, so selected subtrees move into it instead of being copied
        final Element result = data.getOwnerDocument().createElementNS(Namespaces.BASE, "data");
        final List<Element> filters = Dom.childElements(filter);
        if (filters.isEmpty()) {
            // an empty filter selects nothing (RFC 6241 section 6.4.2)
            return result;
        }
        for (Element node : Dom.childElements(data)) {
            select(node, filters).ifPresent(result::appendChild);
        }
        return result;
    }

    /** What the filter elements among {@code filters} that match {@code node} select of it. */
    private static Optional<Element> select(final Element node, final List<Element> filters) {
        Element combined = null;
        for (Element f : filters) {
            if (!matchesName(f, node)) {
                continue;
            }
            final Optional<Element> selected = selectOne(node, f);
            if (selected.isEmpty()) {
                continue;
            }
            if (selected.orElseThrow() == node) {
                return selected;
            }
            combined = combined == null ? selected.orElseThrow() : union(combined, selected.orElseThrow());
        }
        return Optional.ofNullable(combined);
    }

    /**
     * What one filter element selects of a data node whose name it matches: the node itself (whole), a partial
     * copy, or nothing.
     */
    private static Optional<Element> selectOne(final Element node, final Element filter) {
        final List<Element> filterChildren = Dom.childElements(filter);
        if (filterChildren.isEmpty()) {
            final String value = filter.getTextContent().strip();
            if (value.isEmpty()) {
                return Optional.of(node);
            }
            // a content match node at the top: compare the value
            return Dom.isLeafLike(node) && node.getTextContent().strip().equals(value)
                ? Optional.of(node) : Optional.empty();
        }
        final List<Element> contentMatches = new ArrayList<>();
        final List<Element> others = new ArrayList<>();
        for (Element child : filterChildren) {
            if (Dom.isLeafLike(child) && !child.getTextContent().isBlank()) {
                contentMatches.add(child);
            } else {
                others.add(child);
            }
        }
        for (Element match : contentMatches) {
            final String value = match.getTextContent().strip();
            boolean found = false;
            for (Element dataChild : Dom.childElements(node)) {
                if (matchesName(match, dataChild) && Dom.isLeafLike(dataChild)
                        && dataChild.getTextContent().strip().equals(value)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return Optional.empty();
            }
        }
        if (others.isEmpty()) {
            return Optional.of(node);
        }
        final Element copy = (Element) node.cloneNode(false);
        boolean any = !contentMatches.isEmpty();
        for (Element dataChild : Dom.childElements(node)) {
            if (contentMatches.stream().anyMatch(m -> matchesName(m, dataChild))) {
                copy.appendChild(dataChild.cloneNode(true));
                continue;
            }
            final Optional<Element> selected = select(dataChild, others);
            if (selected.isPresent()) {
                copy.appendChild(selected.orElseThrow().cloneNode(true));
                any = true;
            }
        }
        return any ? Optional.of(copy) : Optional.empty();
    }

    private static boolean matchesName(final Element filter, final Element node) {
        if (!filter.getLocalName().equals(node.getLocalName())) {
            return false;
        }
        final String ns = Dom.namespace(filter);
        return ns.isEmpty() || ns.equals(Dom.namespace(node));
    }

    /** Two partial selections of the same node, merged: children present in both are kept once. */
    private static Element union(final Element a, final Element b) {
        final Element merged = (Element) a.cloneNode(true);
        for (Element child : Dom.childElements(b)) {
            boolean present = false;
            for (Node existing = merged.getFirstChild(); existing != null; existing = existing.getNextSibling()) {
                if (existing.isEqualNode(child)) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                merged.appendChild(merged.getOwnerDocument().importNode(child, true));
            }
        }
        return merged;
    }
}

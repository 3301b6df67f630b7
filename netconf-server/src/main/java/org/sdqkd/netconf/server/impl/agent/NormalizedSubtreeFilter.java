package org.sdqkd.netconf.server.impl.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.common.Uint8;
import org.opendaylight.yangtools.yang.data.api.schema.AnydataNode;
import org.opendaylight.yangtools.yang.data.api.schema.AnyxmlNode;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.w3c.dom.Element;

/**
 * Subtree filtering (RFC 6241 section 6) on the NormalizedNodes of a datastore snapshot, with exactly the semantics
 * of {@link SubtreeFilter}, which works on a DOM of the data: the same selection, containment and content match
 * nodes, the same treatment of filter elements without a namespace, the same result element for element and in the
 * same order. The result refers to the snapshot's nodes ({@link SelectedNode}); nothing is copied.
 *
 * <p>Where the DOM result depends on something this class does not model, it gives up (an empty result) and the
 * caller runs the DOM filter instead: a content match against a value whose XML text is not its plain string form
 * (identities, bits, binary, decimal64, instance identifiers), choices (their cases' nodes are siblings in XML),
 * unkeyed lists, anydata or anyxml reached by a containment or content match node, and two filter elements that
 * each select part of the same node (the DOM filter merges them).
 */
final class NormalizedSubtreeFilter {
    /** Thrown inside the walk when the DOM filter must decide; never leaves this class. */
    private static final class Undecided extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undecided() {
            super(null, null, false, false);
        }
    }

    private NormalizedSubtreeFilter() {
        // static only
    }

    /**
     * Filters a datastore root.
     *
     * @param root   the root of a snapshot
     * @param filter the {@code <filter type="subtree">} element
     * @return what the filter selects of the top-level nodes, in order, or empty if only the DOM filter can tell
     */
    static Optional<List<SelectedNode>> apply(final ContainerNode root, final Element filter) {
        final List<Element> filters = Dom.childElements(filter);
        final List<SelectedNode> result = new ArrayList<>();
        if (filters.isEmpty()) {
            // an empty filter selects nothing (RFC 6241 section 6.4.2)
            return Optional.of(result);
        }
        try {
            for (DataContainerChild child : root.body()) {
                selectChild(child, filters, List.of()).ifPresent(result::add);
            }
        } catch (Undecided e) {
            return Optional.empty();
        }
        return Optional.of(result);
    }

    /**
     * What {@code filters} select of a child of a container or list entry, which is one XML element or, for a list
     * or leaf-list, one per entry; children named like one of {@code contentMatches} are kept whole.
     */
    private static Optional<SelectedNode> selectChild(final DataContainerChild child, final List<Element> filters,
            final List<Element> contentMatches) {
        if (contentMatches.stream().anyMatch(match -> matchesName(match, child))) {
            if (child instanceof ChoiceNode || child instanceof UnkeyedListNode) {
                throw new Undecided();
            }
            return Optional.of(new SelectedNode.Whole(child));
        }
        return switch (child) {
            case MapNode map -> selectEntries(map, map.body(), filters);
            case LeafSetNode<?> set -> selectEntries(set, set.body(), filters);
            case ContainerNode node -> selectElement(node, filters);
            case LeafNode<?> node -> selectElement(node, filters);
            case AnydataNode<?> node -> selectElement(node, filters);
            case AnyxmlNode<?> node -> selectElement(node, filters);
            default -> throw new Undecided();
        };
    }

    private static Optional<SelectedNode> selectEntries(final NormalizedNode holder,
            final Iterable<? extends NormalizedNode> entries, final List<Element> filters) {
        final List<SelectedNode> kept = new ArrayList<>();
        boolean whole = true;
        for (NormalizedNode entry : entries) {
            final Optional<SelectedNode> selected = selectElement(entry, filters);
            if (selected.isPresent()) {
                kept.add(selected.orElseThrow());
                whole &= selected.orElseThrow() instanceof SelectedNode.Whole;
            } else {
                whole = false;
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(whole ? new SelectedNode.Whole(holder) : new SelectedNode.Partial(holder, kept));
    }

    /** What the filter elements that match a node (one XML element) select of it: itself, part of it, or nothing. */
    private static Optional<SelectedNode> selectElement(final NormalizedNode node, final List<Element> filters) {
        SelectedNode combined = null;
        for (Element f : filters) {
            if (!matchesName(f, node)) {
                continue;
            }
            final Optional<SelectedNode> selected = selectOne(node, f);
            if (selected.isEmpty()) {
                continue;
            }
            if (selected.orElseThrow() instanceof SelectedNode.Whole) {
                return selected;
            }
            if (combined != null) {
                // the DOM filter merges partial selections of one node
                throw new Undecided();
            }
            combined = selected.orElseThrow();
        }
        return Optional.ofNullable(combined);
    }

    private static Optional<SelectedNode> selectOne(final NormalizedNode node, final Element filter) {
        final List<Element> filterChildren = Dom.childElements(filter);
        if (filterChildren.isEmpty()) {
            final String value = filter.getTextContent().strip();
            if (value.isEmpty() || leafText(node).filter(value::equals).isPresent()) {
                return Optional.of(new SelectedNode.Whole(node));
            }
            return Optional.empty();
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
        if (!(node instanceof DataContainerNode container)) {
            if (node instanceof AnydataNode<?> || node instanceof AnyxmlNode<?>) {
                throw new Undecided();
            }
            // a leaf has no child elements: no content match is found and nothing is selected in it
            return Optional.empty();
        }
        for (Element match : contentMatches) {
            if (!hasChildText(container, match, match.getTextContent().strip())) {
                return Optional.empty();
            }
        }
        if (others.isEmpty()) {
            return Optional.of(new SelectedNode.Whole(node));
        }
        final List<SelectedNode> kept = new ArrayList<>();
        boolean any = !contentMatches.isEmpty();
        for (DataContainerChild child : NormalizedData.xmlOrder(container)) {
            final Optional<SelectedNode> selected = selectChild(child, others, contentMatches);
            if (selected.isPresent()) {
                kept.add(selected.orElseThrow());
                any |= contentMatches.stream().noneMatch(match -> matchesName(match, child));
            }
        }
        return any ? Optional.of(new SelectedNode.Partial(node, kept)) : Optional.empty();
    }

    /** Whether a child element named like {@code match} has the text {@code value}, as a content match asks. */
    private static boolean hasChildText(final DataContainerNode container, final Element match, final String value) {
        for (DataContainerChild child : container.body()) {
            final Iterable<? extends NormalizedNode> elements = switch (child) {
                case MapNode map -> map.body();
                case LeafSetNode<?> set -> set.body();
                case ContainerNode node -> List.of(node);
                case LeafNode<?> node -> List.of(node);
                case AnydataNode<?> node -> List.of(node);
                case AnyxmlNode<?> node -> List.of(node);
                default -> throw new Undecided();
            };
            for (NormalizedNode element : elements) {
                if (matchesName(match, element) && leafText(element).filter(value::equals).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The stripped text of a node the DOM form shows as an element without child elements. */
    private static Optional<String> leafText(final NormalizedNode node) {
        return switch (node) {
            case LeafNode<?> leaf -> Optional.of(text(leaf.body()).strip());
            case LeafSetEntryNode<?> entry -> Optional.of(text(entry.body()).strip());
            case DataContainerNode container -> hasElements(container) ? Optional.empty() : Optional.of("");
            default -> throw new Undecided();
        };
    }

    /** Whether a container or list entry has a child element in XML: empty lists and choices have none. */
    private static boolean hasElements(final DataContainerNode node) {
        for (DataContainerChild child : node.body()) {
            final boolean element = switch (child) {
                case MapNode map -> !map.isEmpty();
                case LeafSetNode<?> set -> !set.isEmpty();
                case UnkeyedListNode list -> !list.isEmpty();
                case ChoiceNode choice -> hasElements(choice);
                default -> true;
            };
            if (element) {
                return true;
            }
        }
        return false;
    }

    /** The XML text of a value, where it is the value's plain string form. */
    private static String text(final Object value) {
        return switch (value) {
            case String string -> string;
            case Boolean bool -> bool.toString();
            case Byte number -> number.toString();
            case Short number -> number.toString();
            case Integer number -> number.toString();
            case Long number -> number.toString();
            case Uint8 number -> number.toCanonicalString();
            case Uint16 number -> number.toCanonicalString();
            case Uint32 number -> number.toCanonicalString();
            case Uint64 number -> number.toCanonicalString();
            case Empty empty -> "";
            default -> throw new Undecided();
        };
    }

    private static boolean matchesName(final Element filter, final NormalizedNode node) {
        final QName name = node.name().getNodeType();
        if (!filter.getLocalName().equals(name.getLocalName())) {
            return false;
        }
        final String ns = Dom.namespace(filter);
        return ns.isEmpty() || ns.equals(name.getNamespace().toString());
    }
}

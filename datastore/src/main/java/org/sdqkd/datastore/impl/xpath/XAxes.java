package org.sdqkd.datastore.impl.xpath;

import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathAxis;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathNodeType;

/**
 * The axes and node tests of XPath 1.0 section 2.2 and 2.3 over an {@link XNode} tree. Nodes come in axis
 * order: reverse document order for the reverse axes, as predicates with positions need.
 */
final class XAxes {
    List<XNode> select(final YangLocationPath.Step step, final XNode node, final XPathEvaluator.Ctx ctx) {
        final QName name = step instanceof YangLocationPath.QNameStep named ? ctx.resolve(named) : null;
        if (step.getAxis() == YangXPathAxis.CHILD && name != null) {
            return node.children(name);
        }
        final List<XNode> candidates = axis(step.getAxis(), node);
        final List<XNode> matching = new ArrayList<>(candidates.size());
        for (XNode candidate : candidates) {
            if (name != null ? matchesName(name, candidate) : matches(step, candidate)) {
                matching.add(candidate);
            }
        }
        return matching;
    }

    private static boolean matches(final YangLocationPath.Step step, final XNode node) {
        return switch (step) {
            case YangLocationPath.NamespaceStep namespace ->
                node.name() != null && node.name().getModule().equals(namespace.getNamespace());
            case YangLocationPath.NodeTypeStep type -> type.getNodeType() == YangXPathNodeType.NODE;
            case YangLocationPath.AxisStep any -> node.name() != null;
            default -> false;
        };
    }

    private static boolean matchesName(final QName name, final XNode node) {
        return name.equals(node.name());
    }

    private static List<XNode> axis(final YangXPathAxis axis, final XNode node) {
        return switch (axis) {
            case CHILD -> node.children();
            case SELF -> List.of(node);
            case PARENT -> node.parent() == null ? List.of() : List.of(node.parent());
            case DESCENDANT -> descendants(node, new ArrayList<>());
            case DESCENDANT_OR_SELF -> {
                final List<XNode> all = new ArrayList<>();
                all.add(node);
                yield descendants(node, all);
            }
            case ANCESTOR -> ancestors(node.parent());
            case ANCESTOR_OR_SELF -> ancestors(node);
            case FOLLOWING_SIBLING -> siblings(node, true);
            case PRECEDING_SIBLING -> siblings(node, false).reversed();
            case FOLLOWING -> following(node);
            case PRECEDING -> preceding(node).reversed();
            case ATTRIBUTE, NAMESPACE -> List.of();
        };
    }

    private static List<XNode> descendants(final XNode node, final List<XNode> into) {
        for (XNode child : node.children()) {
            into.add(child);
            descendants(child, into);
        }
        return into;
    }

    private static List<XNode> ancestors(final XNode from) {
        final List<XNode> result = new ArrayList<>();
        for (XNode n = from; n != null; n = n.parent()) {
            result.add(n);
        }
        return result;
    }

    private static List<XNode> siblings(final XNode node, final boolean after) {
        if (node.parent() == null) {
            return List.of();
        }
        final List<XNode> all = node.parent().children();
        final int at = all.indexOf(node);
        return after ? all.subList(at + 1, all.size()) : all.subList(0, at);
    }

    private static List<XNode> following(final XNode node) {
        final List<XNode> result = new ArrayList<>();
        for (XNode n = node; n != null; n = n.parent()) {
            for (XNode sibling : siblings(n, true)) {
                result.add(sibling);
                descendants(sibling, result);
            }
        }
        result.sort(XNode.DOCUMENT_ORDER);
        return result;
    }

    private static List<XNode> preceding(final XNode node) {
        final List<XNode> result = new ArrayList<>();
        for (XNode n = node; n != null; n = n.parent()) {
            for (XNode sibling : siblings(n, false)) {
                result.add(sibling);
                descendants(sibling, result);
            }
        }
        result.sort(XNode.DOCUMENT_ORDER);
        return result;
    }
}

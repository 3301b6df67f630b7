package org.sdqkd.netconf.server.impl.agent;

import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Element;

/** The {@code filter} parameter of get, get-config and create-subscription: subtree (default) or XPath. */
final class Filters {
    private Filters() {
        // static only
    }

    /**
     * Applies a filter element to data.
     *
     * @param data   a {@code <data>} element whose children are the top-level nodes
     * @param filter the {@code <filter>} element, whose {@code type} attribute is {@code subtree} (the default) or
     *               {@code xpath}
     * @param models the models, for list keys
     * @return a new {@code <data>} element with what the filter selects
     * @throws OperationException for an unknown type ({@code bad-attribute}) or a bad XPath expression
     */
    static Element apply(final Element data, final Element filter, final DataXml models) throws OperationException {
        final String type = type(filter);
        return switch (type) {
            case "subtree" -> SubtreeFilter.apply(data, filter);
            case "xpath" -> XPathFilter.apply(data, xpathScope(filter), models);
            default -> throw new OperationException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.BAD_ATTRIBUTE,
                    "not a filter type: " + type)
                .withInfo(ErrorInfo.badAttribute("type"), ErrorInfo.badElement("filter")));
        };
    }

    /** The filter's type: its {@code type} attribute, unqualified or in the base namespace, else subtree. */
    static String type(final Element filter) {
        return filter.hasAttributeNS(null, "type") ? filter.getAttributeNS(null, "type")
            : filter.hasAttributeNS(Namespaces.BASE, "type") ? filter.getAttributeNS(Namespaces.BASE, "type")
            : "subtree";
    }

    /** The select attribute may be unqualified or in the base namespace; XPathFilter reads the unqualified one. */
    private static Element xpathScope(final Element filter) {
        if (!filter.hasAttributeNS(null, "select") && filter.hasAttributeNS(Namespaces.BASE, "select")) {
            final Element copy = XmlElement.of(filter).toElement();
            copy.setAttributeNS(null, "select", filter.getAttributeNS(Namespaces.BASE, "select"));
            return copy;
        }
        return filter;
    }
}

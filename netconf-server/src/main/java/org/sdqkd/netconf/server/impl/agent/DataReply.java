package org.sdqkd.netconf.server.impl.agent;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Element;

/**
 * The {@code <data>} of a get-config reply (RFC 6241 section 7.1) from a datastore snapshot. When the answer can be
 * computed on the snapshot's NormalizedNodes (no filter, or a subtree filter {@link NormalizedSubtreeFilter} can
 * decide, with the with-defaults mode {@code explicit}, the basic mode, in which the data is reported as stored), the
 * reply is {@link ReplyContent.StreamedData}: the selected nodes, the snapshot's own, are written straight into
 * the framed reply when it is sent, with no DOM and no copy of the reply's bytes. Otherwise (XPath filters, the other
 * with-defaults modes, subtree filters only the DOM filter can decide) the data is built as a DOM, with-defaults
 * applied and the filter run on it, as before.
 */
final class DataReply {
    private DataReply() {
        // static only
    }

    /**
     * The data of get-config.
     *
     * @param models   the models
     * @param root     the root of the source datastore's snapshot
     * @param filter   the filter parameter, if any
     * @param defaults the with-defaults mode
     * @return the reply content: streamed data or DOM data
     * @throws OperationException for a bad filter (unknown type, bad XPath expression)
     */
    static ReplyContent ofConfig(final DataXml models, final ContainerNode root, final Optional<Element> filter,
            final WithDefaults defaults) throws OperationException {
        if (defaults == WithDefaults.EXPLICIT) {
            if (filter.isEmpty()) {
                return new ReplyContent.StreamedData(NormalizedData.of(models.context(), root));
            }
            if ("subtree".equals(Filters.type(filter.orElseThrow()))) {
                final Optional<List<SelectedNode>> selected = NormalizedSubtreeFilter.apply(root,
                    filter.orElseThrow());
                if (selected.isPresent()) {
                    return new ReplyContent.StreamedData(
                        new NormalizedData(models.context(), selected.orElseThrow()));
                }
            }
        }
        final Element data = models.toXml(TopLevelSelection.of(filter).apply(root));
        defaults.apply(data, models, true);
        final Element selected = filter.isPresent() ? Filters.apply(data, filter.orElseThrow(), models) : data;
        return new ReplyContent.Data(Dom.childElements(selected).stream().map(XmlElement::of).toList());
    }
}

package org.sdqkd.restconf.gateway.impl;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;

/**
 * Finds a data node's child by name the way RESTCONF names them (RFC 8040 section 3.5.3): through any choices and
 * cases between them, which the path does not name but the data tree does.
 */
final class SchemaChildren {
    private SchemaChildren() {
        // no instances
    }

    /**
     * The child.
     *
     * @param parent the parent's schema context
     * @param qname  the child's name
     * @param choices where the data tree steps of the choices passed through are added
     * @return the child's schema context, or empty when the parent has no such child
     */
    static Optional<DataSchemaContext> find(final DataSchemaContext.Composite parent, final QName qname,
            final List<PathArgument> choices) {
        DataSchemaContext child = parent.childByQName(qname);
        while (child != null && child.dataSchemaNode() instanceof ChoiceSchemaNode
                && child instanceof DataSchemaContext.Composite choice) {
            choices.add(child.pathStep());
            child = choice.childByQName(qname);
        }
        return Optional.ofNullable(child);
    }
}

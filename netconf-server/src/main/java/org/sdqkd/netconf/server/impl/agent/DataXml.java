package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.InstanceDocumentCodec;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Element;

/**
 * Moves data between the datastores' NormalizedNodes and XML elements, and finds the schema node of an element.
 * Data goes out through the datastore's instance document codec and comes back through it, so both directions
 * check values against the models.
 */
final class DataXml {
    private final EffectiveModelContext context;
    private final InstanceDocumentCodec codec;
    private final Map<String, Optional<QNameModule>> modules = new ConcurrentHashMap<>();

    DataXml(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
        this.codec = YangModels.documentCodec(context);
    }

    EffectiveModelContext context() {
        return context;
    }

    /** The top-level nodes of a datastore root, as the children of a new {@code <data>} element. */
    Element toXml(final ContainerNode root) {
        final Element data = Dom.root(Namespaces.BASE, "data");
        codec.writeXml(root, data);
        return data;
    }

    /**
     * Reads top-level data elements into a datastore root.
     *
     * @param elements the top-level nodes
     * @throws OperationException with the codec's error (unknown-element, invalid-value...) and its path
     */
    ContainerNode fromXml(final List<Element> elements) throws OperationException {
        final StringBuilder text = new StringBuilder();
        for (Element element : elements) {
            text.append(XmlElement.of(element));
        }
        try {
            return codec.read(new StringReader(text.toString()), DocumentFormat.XML);
        } catch (DocumentException e) {
            throw new OperationException(Errors.of(e.error(), context));
        } catch (IOException e) {
            throw OperationException.of(ErrorType.APPLICATION, ErrorTag.OPERATION_FAILED,
                "cannot read the data: " + e.getMessage());
        }
    }

    /**
     * The data path of a node as errors report it, {@code /module:top/list[key='v']}: the list and leaf-list nodes
     * that hold entries, and choices, are not steps of a data path.
     */
    String dataPath(final YangInstanceIdentifier path) {
        final List<PathArgument> steps = new ArrayList<>();
        final List<PathArgument> args = path.getPathArguments();
        for (int i = 0; i < args.size(); i++) {
            final PathArgument arg = args.get(i);
            final boolean holder = i + 1 < args.size() && !(arg instanceof NodeIdentifierWithPredicates)
                && !(arg instanceof NodeWithValue<?>) && (args.get(i + 1) instanceof NodeIdentifierWithPredicates
                    || args.get(i + 1) instanceof NodeWithValue<?>)
                && args.get(i + 1).getNodeType().equals(arg.getNodeType());
            if (!holder) {
                steps.add(arg);
            }
        }
        return YangModels.dataPath(context, YangInstanceIdentifier.of(steps));
    }

    /** The module of an XML namespace, if the models have one. */
    Optional<QNameModule> module(final String namespace) {
        return modules.computeIfAbsent(namespace, ns -> {
            try {
                return context.findModules(XMLNamespace.of(ns)).stream().findFirst().map(Module::getQNameModule);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** The QName of an element, if its namespace is a module's. */
    Optional<QName> qname(final Element element) {
        return module(Dom.namespace(element)).map(m -> QName.create(m, element.getLocalName()));
    }

    /** The schema node of a child element, through choices and cases. */
    Optional<DataSchemaNode> child(final DataNodeContainer parent, final Element element) {
        return qname(element).flatMap(parent::findDataTreeChild);
    }
}

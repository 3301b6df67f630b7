package org.sdqkd.netconf.server.impl.agent;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The parameters of one operation: its child elements, checked against what the operation accepts. An unknown
 * parameter is {@code unknown-element}, a missing one {@code missing-element}, a repeated one {@code bad-element}
 * (RFC 6241 appendix A).
 */
final class Args {
    /** The configuration datastores of RFC 6241. */
    static final Set<DatastoreName> CONFIGURATION =
        EnumSet.of(DatastoreName.RUNNING, DatastoreName.CANDIDATE, DatastoreName.STARTUP);
    /** {@code filter} of get, get-config (RFC 6241 section 6). */
    static final Param FILTER = Param.base("filter");
    /** {@code source} of get-config, copy-config and validate. */
    static final Param SOURCE = Param.base("source");
    /** {@code target} of edit-config, copy-config, delete-config, lock and unlock. */
    static final Param TARGET = Param.base("target");
    /** {@code with-defaults} of RFC 6243. */
    static final Param WITH_DEFAULTS = new Param(Namespaces.WITH_DEFAULTS, "with-defaults");

    /** A parameter an operation accepts: its namespace and name. */
    record Param(String namespace, String name) {
        static Param base(final String name) {
            return new Param(Namespaces.BASE, name);
        }
    }

    private final Element operation;
    private final List<Element> children;

    private Args(final Element operation, final List<Element> children) {
        this.operation = operation;
        this.children = children;
    }

    /**
     * Reads an operation's parameters.
     *
     * @param operation the operation element
     * @param accepted  every parameter it accepts
     * @throws OperationException when a child is not accepted, is given twice, or the operation holds text
     */
    static Args of(final XmlElement operation, final Set<Param> accepted) throws OperationException {
        final Element element = operation.toElement();
        final List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                final Param param = new Param(Dom.namespace(child), child.getLocalName());
                if (!accepted.contains(param)) {
                    throw new OperationException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.UNKNOWN_ELEMENT,
                            "the " + element.getLocalName() + " operation has no parameter " + child.getLocalName()
                                + (param.namespace().equals(Dom.namespace(element)) ? ""
                                    : " in namespace " + param.namespace()))
                        .withInfo(ErrorInfo.badElement(child.getLocalName())));
                }
                for (Element seen : children) {
                    if (Dom.sameName(seen, child)) {
                        throw OperationException.badElement(ErrorTag.BAD_ELEMENT, child.getLocalName(),
                            "the parameter " + child.getLocalName() + " is given more than once");
                    }
                }
                children.add(child);
            } else if (node.getNodeType() == Node.TEXT_NODE && !node.getNodeValue().isBlank()) {
                throw OperationException.of(ErrorType.PROTOCOL, ErrorTag.MALFORMED_MESSAGE,
                    "the " + element.getLocalName() + " operation holds text");
            }
        }
        return new Args(element, children);
    }

    /** The operation element (a copy, free to change). */
    Element operation() {
        return operation;
    }

    Optional<Element> optional(final Param param) {
        return children.stream()
            .filter(c -> param.name().equals(c.getLocalName()) && param.namespace().equals(Dom.namespace(c)))
            .findFirst();
    }

    Element required(final Param param) throws OperationException {
        final Optional<Element> found = optional(param);
        if (found.isEmpty()) {
            throw OperationException.badElement(ErrorTag.MISSING_ELEMENT, param.name(),
                "the " + operation.getLocalName() + " operation needs the parameter " + param.name());
        }
        return found.orElseThrow();
    }

    boolean flag(final Param param) throws OperationException {
        final Optional<Element> found = optional(param);
        if (found.isPresent() && (Dom.firstChildElement(found.orElseThrow()).isPresent()
                || !found.orElseThrow().getTextContent().isBlank())) {
            throw OperationException.badElement(ErrorTag.BAD_ELEMENT, param.name(),
                param.name() + " is an empty flag and takes no value");
        }
        return found.isPresent();
    }

    /** The text of a parameter holding a value, stripped of surrounding white space. */
    Optional<String> text(final Param param) throws OperationException {
        final Optional<Element> found = optional(param);
        if (found.isPresent() && Dom.firstChildElement(found.orElseThrow()).isPresent()) {
            throw OperationException.badElement(ErrorTag.BAD_ELEMENT, param.name(),
                param.name() + " holds a value, not elements");
        }
        return found.map(e -> e.getTextContent().strip());
    }

    /**
     * A {@code source} or {@code target} parameter naming a datastore: exactly one empty element, one of
     * {@code allowed}.
     */
    DatastoreName datastore(final Param param, final Set<DatastoreName> allowed) throws OperationException {
        return datastoreIn(required(param), allowed);
    }

    static DatastoreName datastoreIn(final Element holder, final Set<DatastoreName> allowed)
            throws OperationException {
        final List<Element> choice = Dom.childElements(holder);
        if (choice.size() != 1) {
            throw OperationException.badElement(choice.isEmpty() ? ErrorTag.MISSING_ELEMENT : ErrorTag.BAD_ELEMENT,
                holder.getLocalName(), holder.getLocalName() + " names exactly one datastore");
        }
        final Element named = choice.getFirst();
        for (DatastoreName name : allowed) {
            if (name.yangName().equals(named.getLocalName())
                    && (Namespaces.BASE.equals(Dom.namespace(named)) || Namespaces.DATASTORES.equals(
                        Dom.namespace(named)))) {
                return name;
            }
        }
        if ("url".equals(named.getLocalName())) {
            throw OperationException.of(ErrorType.PROTOCOL, ErrorTag.OPERATION_NOT_SUPPORTED,
                "the :url capability is not supported");
        }
        throw OperationException.badElement(ErrorTag.INVALID_VALUE, named.getLocalName(),
            "not a datastore " + holder.getLocalName() + " can name here: " + named.getLocalName());
    }

    /** The datastore an NMDA {@code datastore} identityref names, such as {@code ds:operational}. */
    static DatastoreName nmdaDatastore(final Element parameter, final Set<DatastoreName> allowed)
            throws OperationException {
        final String text = parameter.getTextContent().strip();
        final int colon = text.indexOf(':');
        final String prefix = colon < 0 ? null : text.substring(0, colon);
        final String local = text.substring(colon + 1);
        final String namespace = parameter.lookupNamespaceURI(prefix);
        for (DatastoreName name : allowed) {
            if (name.yangName().equals(local) && Namespaces.DATASTORES.equals(namespace)) {
                return name;
            }
        }
        throw OperationException.badElement(ErrorTag.INVALID_VALUE, "datastore",
            "not a datastore this operation can use: " + text);
    }
}

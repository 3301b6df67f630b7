package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DistinctNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.api.ValidationFailedException;
import org.sdqkd.datastore.api.ValidationResult;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The {@code <config>} of an edit-config or edit-data applied to a transaction (RFC 6241 section 7.2): the
 * {@code operation} attributes (merge, replace, create, delete, remove) where they are given, the default
 * operation elsewhere. Each element carrying an operation is located by its ancestors (list entries by their keys),
 * read through the models' codec, and applied in document order; the rest of the configuration gets the default
 * operation. {@code create} of existing data is {@code data-exists}, {@code delete} of absent data
 * {@code data-missing}, both with the node's error-path.
 */
final class EditConfig {
    /** RFC 6241 section 7.2 {@code default-operation}. */
    enum DefaultOperation { MERGE, REPLACE, NONE }

    /** RFC 6241 section 7.2 {@code error-option}. */
    enum ErrorOption { STOP_ON_ERROR, CONTINUE_ON_ERROR, ROLLBACK_ON_ERROR }

    /** An operation attribute's value. */
    enum Operation { MERGE, REPLACE, CREATE, DELETE, REMOVE }

    private record Edit(Element element, Operation operation) {
    }

    private final DataXml models;

    EditConfig(final DataXml models) {
        this.models = requireNonNull(models);
    }

    /**
     * Applies a configuration to a transaction.
     *
     * @param config    the {@code <config>} element
     * @param tx        the transaction
     * @param operation the default operation
     * @param errors    the error option
     * @return the errors of the edits skipped under {@code continue-on-error}; empty when all were applied
     * @throws OperationException on the first error, unless {@code continue-on-error}
     */
    List<RpcError> apply(final Element config, final DataTransaction tx, final DefaultOperation operation,
            final ErrorOption errors) throws OperationException {
        final List<Edit> edits = new ArrayList<>();
        for (Element top : Dom.childElements(config)) {
            collect(top, edits);
        }
        final Element rest = (Element) config.cloneNode(true);
        removeEdits(rest);
        stripAttributes(rest);
        final List<Element> restTop = Dom.childElements(rest);
        final List<RpcError> skipped = new ArrayList<>();
        if (operation == DefaultOperation.NONE) {
            // RFC 6241 section 7.2: under none, data without an operation must name existing list entries
            if (!restTop.isEmpty()) {
                requireEntries(models.fromXml(restTop), YangInstanceIdentifier.of(), tx);
            }
        } else {
            final ContainerNode root = models.fromXml(restTop);
            try {
                if (operation == DefaultOperation.REPLACE) {
                    tx.write(YangInstanceIdentifier.of(), root);
                } else {
                    for (var child : root.body()) {
                        tx.merge(YangInstanceIdentifier.of(child.name()), child);
                    }
                }
            } catch (ValidationFailedException e) {
                throw failure(e);
            }
        }
        for (Edit edit : edits) {
            try {
                apply(edit, tx, config);
            } catch (OperationException e) {
                if (errors != ErrorOption.CONTINUE_ON_ERROR) {
                    throw e;
                }
                skipped.addAll(e.errors());
            }
        }
        return skipped;
    }

    private void requireEntries(final NormalizedNode node, final YangInstanceIdentifier path,
            final DataTransaction tx) throws OperationException {
        if (node instanceof MapEntryNode && tx.read(path).isEmpty()) {
            throw new OperationException(Errors.of(new ValidationError(ErrorType.APPLICATION,
                ErrorTag.DATA_MISSING, Optional.empty(), models.dataPath(path),
                "no such entry: under default-operation none, data without an operation attribute must exist"),
                models.context()));
        }
        if (node instanceof NormalizedNodeContainer<?> container) {
            for (NormalizedNode child : container.body()) {
                requireEntries(child, path.node(child.name()), tx);
            }
        }
    }

    /** Checks what a transaction would commit (test-only). */
    void test(final DataTransaction tx) throws OperationException {
        final ValidationResult result = tx.validate();
        if (!result.isValid()) {
            throw failure(new ValidationFailedException(result.errors()));
        }
    }

    /** The rpc-errors of a datastore failure. */
    OperationException failure(final DatastoreException e) {
        return new OperationException(Errors.of(e, models.context()));
    }

    private static void collect(final Element element, final List<Edit> edits) throws OperationException {
        final Attr attr = element.getAttributeNodeNS(Namespaces.BASE, "operation");
        if (attr != null) {
            final Operation operation;
            try {
                operation = Operation.valueOf(attr.getValue().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new OperationException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.BAD_ATTRIBUTE,
                        "not an edit operation: " + attr.getValue())
                    .withInfo(ErrorInfo.badAttribute("operation"), ErrorInfo.badElement(element.getLocalName())));
            }
            edits.add(new Edit(element, operation));
        }
        for (Element child : Dom.childElements(element)) {
            collect(child, edits);
        }
    }

    /** Removes every element carrying an operation, with its subtree. */
    private static void removeEdits(final Element element) {
        for (Element child : Dom.childElements(element)) {
            if (child.getAttributeNodeNS(Namespaces.BASE, "operation") != null) {
                element.removeChild(child);
            } else {
                removeEdits(child);
            }
        }
    }

    /** Removes the attributes the codec does not read (operation, insert...), keeping namespace declarations. */
    private static void stripAttributes(final Element element) {
        final NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            final Attr attr = (Attr) attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attr.getNamespaceURI())) {
                element.removeAttributeNode(attr);
            }
        }
        for (Element child : Dom.childElements(element)) {
            stripAttributes(child);
        }
    }

    private void apply(final Edit edit, final DataTransaction tx, final Element configParameter)
            throws OperationException {
        final Element target = edit.element();
        final Deque<Element> ancestors = new ArrayDeque<>();
        for (Node node = target.getParentNode(); node instanceof Element e && node != configParameter;
                node = node.getParentNode()) {
            ancestors.push(e);
        }
        // rebuild the path from the top: ancestors with their keys only, then the target
        Optional<? extends DataNodeContainer> schema = Optional.of(models.context());
        Element copyParent = Dom.root(Namespaces.BASE, "config");
        final Element config = copyParent;
        for (Element ancestor : ancestors) {
            final DataSchemaNode ancestorSchema = schemaOf(schema, ancestor);
            final Element copy = (Element) copyParent.getOwnerDocument().importNode(ancestor, false);
            copyParent.appendChild(copy);
            if (ancestorSchema instanceof ListSchemaNode list) {
                copyKeys(ancestor, list, copy);
            }
            copyParent = copy;
            schema = ancestorSchema instanceof DataNodeContainer container ? Optional.of(container)
                : Optional.empty();
        }
        final DataSchemaNode targetSchema = schemaOf(schema, target);
        final boolean removal = edit.operation() == Operation.DELETE || edit.operation() == Operation.REMOVE;
        final boolean leafRemoval = removal && targetSchema instanceof LeafSchemaNode;
        if (!leafRemoval) {
            final Element copy;
            if (removal) {
                copy = (Element) copyParent.getOwnerDocument().importNode(target, false);
                if (targetSchema instanceof ListSchemaNode list) {
                    copyKeys(target, list, copy);
                } else if (!(targetSchema instanceof DataNodeContainer)) {
                    copy.setTextContent(target.getTextContent());
                }
            } else {
                copy = (Element) copyParent.getOwnerDocument().importNode(target, true);
                removeEdits(copy);
            }
            copyParent.appendChild(copy);
        }
        stripAttributes(config);
        final ContainerNode root = models.fromXml(Dom.childElements(config));
        YangInstanceIdentifier path = YangInstanceIdentifier.of();
        NormalizedNode node = root;
        final List<Element> chain = new ArrayList<>(ancestors);
        if (!leafRemoval) {
            chain.add(target);
        }
        for (Element step : chain) {
            final QName name = models.qname(step).orElseThrow();
            final Located located = descend(node, name, path);
            path = located.path();
            node = located.node();
        }
        if (leafRemoval) {
            path = path.node(targetSchema.getQName());
        }
        try {
            switch (edit.operation()) {
                case DELETE, REMOVE -> {
                    if (tx.read(path).isEmpty()) {
                        if (edit.operation() == Operation.DELETE) {
                            throw new OperationException(Errors.of(new ValidationError(ErrorType.APPLICATION,
                                ErrorTag.DATA_MISSING, Optional.empty(), models.dataPath(path),
                                "no data to delete here"), models.context()));
                        }
                        return;
                    }
                    tx.delete(path);
                }
                case CREATE -> {
                    if (tx.read(path).isPresent()) {
                        throw new OperationException(Errors.of(new ValidationError(ErrorType.APPLICATION,
                            ErrorTag.DATA_EXISTS, Optional.empty(), models.dataPath(path),
                            "the data to create exists already"), models.context()));
                    }
                    mergeTop(tx, root);
                }
                case MERGE -> mergeTop(tx, root);
                case REPLACE -> {
                    mergeTop(tx, root);
                    tx.write(path, node);
                }
                default -> throw new IllegalStateException("unknown operation " + edit.operation());
            }
        } catch (ValidationFailedException e) {
            throw failure(e);
        }
    }

    private static void mergeTop(final DataTransaction tx, final ContainerNode root) throws ValidationFailedException {
        for (var child : root.body()) {
            tx.merge(YangInstanceIdentifier.of(child.name()), child);
        }
    }

    private DataSchemaNode schemaOf(final Optional<? extends DataNodeContainer> parent, final Element element)
            throws OperationException {
        return parent.flatMap(p -> models.child(p, element)).orElseThrow(() -> new OperationException(
            RpcError.of(ErrorType.APPLICATION, ErrorTag.UNKNOWN_ELEMENT,
                    "no such node in the models: " + element.getLocalName() + " in namespace "
                        + Dom.namespace(element))
                .withInfo(ErrorInfo.badElement(element.getLocalName()))));
    }

    private static void copyKeys(final Element entry, final ListSchemaNode list, final Element copy)
            throws OperationException {
        for (QName key : list.getKeyDefinition()) {
            final Optional<Element> value = Dom.child(entry, key.getNamespace().toString(), key.getLocalName());
            if (value.isEmpty()) {
                throw new OperationException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.MISSING_ELEMENT,
                        "the " + list.getQName().getLocalName() + " entry has no key " + key.getLocalName())
                    .withInfo(ErrorInfo.badElement(key.getLocalName())));
            }
            final Element keyCopy = (Element) copy.getOwnerDocument().importNode(value.orElseThrow(), true);
            copy.appendChild(keyCopy);
        }
    }

    private record Located(YangInstanceIdentifier path, NormalizedNode node) {
    }

    /** The only child named {@code name} below a node that holds one path, looking through choices. */
    private static Located descend(final NormalizedNode node, final QName name, final YangInstanceIdentifier path) {
        if (node instanceof DataContainerNode container) {
            for (NormalizedNode child : container.body()) {
                if (child.name().getNodeType().equals(name)) {
                    return entryOf(child, path.node(child.name()));
                }
                if (child instanceof ChoiceNode choice) {
                    final Optional<Located> inside = findIn(choice, name, path.node(choice.name()));
                    if (inside.isPresent()) {
                        return inside.orElseThrow();
                    }
                }
            }
        }
        throw new IllegalStateException("the path to " + name + " is not in the data read");
    }

    private static Optional<Located> findIn(final ChoiceNode choice, final QName name,
            final YangInstanceIdentifier path) {
        try {
            return Optional.of(descend(choice, name, path));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** A list or leaf-list read from one element holds one entry: the path goes to it. */
    private static Located entryOf(final NormalizedNode child, final YangInstanceIdentifier path) {
        if (child instanceof NormalizedNodeContainer<?> entries && !(child instanceof DataContainerNode)) {
            final NormalizedNode entry = entries.body().iterator().next();
            return new Located(path.node(entry.name()), entry);
        }
        if (child instanceof DistinctNodeContainer<?, ?> && !(child instanceof DataContainerNode)) {
            throw new IllegalStateException("unexpected container " + child.name());
        }
        return new Located(path, child);
    }
}

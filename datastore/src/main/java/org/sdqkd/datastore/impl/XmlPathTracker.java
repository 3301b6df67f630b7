package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.sdqkd.datastore.api.ValidationError;

/**
 * An XML reader that remembers where it is in the data tree: the open elements with their schema nodes
 * and the key values of list entries seen so far. When the codec refuses the document, it names the
 * data path of the node at fault. The outermost element is the wrapper holding the top-level nodes.
 */
final class XmlPathTracker extends StreamReaderDelegate {
    /** An open element. */
    private static final class Frame {
        final String rawName;
        final QName name;
        final DataSchemaNode schema;
        final Map<QName, Object> keys = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        /** Identities (name and keys, or name and value) of the list and leaf-list entries closed inside. */
        final Set<List<Object>> entries = new HashSet<>();

        Frame(final String rawName, final QName name, final DataSchemaNode schema) {
            this.rawName = rawName;
            this.name = name;
            this.schema = schema;
        }
    }

    private final EffectiveModelContext context;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Set<List<Object>> topLevelEntries = new HashSet<>();
    private int depth;
    private Frame lastClosed;
    private ValidationError entryError;

    XmlPathTracker(final XMLStreamReader reader, final EffectiveModelContext context) {
        super(reader);
        this.context = requireNonNull(context);
    }

    @Override
    public int next() throws XMLStreamException {
        final int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> start();
            case XMLStreamConstants.END_ELEMENT -> end();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                if (!open.isEmpty()) {
                    open.peek().text.append(getText());
                }
            }
            default -> {
                // comments and processing instructions do not move the path
            }
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && isWhiteSpace()) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("text where an element was expected", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        final StringBuilder text = new StringBuilder();
        int event = next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> text.append(getText());
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // skipped, as in XMLStreamReader.getElementText()
                }
                case XMLStreamConstants.START_ELEMENT ->
                    throw new XMLStreamException("element found where a text value was expected", getLocation());
                default -> throw new XMLStreamException("unexpected end of the document", getLocation());
            }
            event = next();
        }
        return text.toString();
    }

    private void start() {
        depth++;
        lastClosed = null;
        if (depth == 1) {
            return;
        }
        final Optional<QNameModule> module = SchemaSteps.moduleOfNamespace(context, getNamespaceURI());
        final QName name = module.map(m -> QName.create(m, getLocalName())).orElse(null);
        final Object parent = open.isEmpty() ? context : open.peek().schema;
        final DataSchemaNode schema = name == null ? null : SchemaSteps.child(parent, name).orElse(null);
        open.push(new Frame(getLocalName(), name, schema));
    }

    private void end() {
        depth--;
        if (depth == 0) {
            return;
        }
        final Frame closed = open.pop();
        lastClosed = closed;
        final Frame parent = open.peek();
        if (parent != null && parent.schema instanceof ListSchemaNode list && closed.name != null
                && list.getKeyDefinition().contains(closed.name)) {
            parent.keys.put(closed.name, closed.text.toString().strip());
        }
        if (entryError == null) {
            entryError = entryError(closed, parent);
        }
    }

    /** A list entry without all its keys, or repeating an earlier sibling's keys (or leaf-list value). */
    private ValidationError entryError(final Frame closed, final Frame parent) {
        if (closed.schema instanceof ListSchemaNode list
                && !closed.keys.keySet().containsAll(list.getKeyDefinition())) {
            return ValidationError.of(ErrorTag.MISSING_ELEMENT, pathTo(closed),
                "list entry without its key " + list.getKeyDefinition().stream().map(QName::getLocalName).toList());
        }
        final List<Object> identity = switch (closed.schema) {
            case ListSchemaNode list when !list.getKeyDefinition().isEmpty() -> List.of(closed.name, closed.keys);
            case LeafListSchemaNode leafList -> List.of(closed.name, closed.text.toString().strip());
            case null, default -> null;
        };
        final Set<List<Object>> siblings = parent == null ? topLevelEntries : parent.entries;
        if (identity != null && !siblings.add(identity)) {
            return ValidationError.of(ErrorTag.BAD_ELEMENT, pathTo(closed),
                "duplicate entry: an earlier sibling has the same key or value");
        }
        return null;
    }

    private String pathTo(final Frame closed) {
        final DataPathBuilder path = new DataPathBuilder(context);
        open.descendingIterator().forEachRemaining(frame -> append(path, frame));
        append(path, closed);
        return path.toString();
    }

    /**
     * The first list entry found without its keys or repeating a sibling. yangtools refuses the first
     * without naming the entry, and merges the second silently.
     */
    Optional<ValidationError> firstEntryError() {
        return Optional.ofNullable(entryError);
    }

    /**
     * The data path of the node the reader was at when the codec failed: the open elements, and the
     * element closed last if nothing was opened after it (a leaf whose value was just read).
     */
    String currentPath() {
        final DataPathBuilder path = new DataPathBuilder(context);
        final Iterator<Frame> outermostFirst = open.descendingIterator();
        while (outermostFirst.hasNext()) {
            append(path, outermostFirst.next());
        }
        if (lastClosed != null) {
            append(path, lastClosed);
        }
        return path.toString();
    }

    /** Whether the innermost open element has no schema node: an unknown element or namespace. */
    boolean atUnknownElement() {
        return !open.isEmpty() && open.peek().schema == null;
    }

    /** Whether the innermost open element's namespace belongs to no module. */
    boolean atUnknownNamespace() {
        return !open.isEmpty() && open.peek().name == null;
    }

    private static void append(final DataPathBuilder path, final Frame frame) {
        if (frame.name == null) {
            path.rawStep(frame.rawName);
            return;
        }
        path.step(frame.name);
        if (frame.schema instanceof ListSchemaNode) {
            path.keys(frame.keys);
        } else if (frame.schema instanceof LeafListSchemaNode) {
            path.leafListValue(frame.text.toString().strip());
        }
    }
}

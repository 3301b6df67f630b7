package org.sdqkd.netconf.protocol.impl;

import java.util.NoSuchElementException;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * What a {@link org.sdqkd.netconf.protocol.api.DataReader} reads: the reader of the whole message, from the start
 * tag it is on to the matching end tag, after which it has no more events. Every event still comes from the
 * message's hardened reader (its limits apply); a failure of that parser is kept apart from the data reader's own
 * refusals, which do not make the message malformed. Not thread-safe.
 */
final class DataScope extends StreamReaderDelegate {
    private int depth = 1;
    private XMLStreamException parseFailure;

    /**
     * A scope over the element the reader is on.
     *
     * @param reader the message's reader, on a start tag
     */
    DataScope(final XMLStreamReader reader) {
        super(reader);
    }

    /** The parser's failure, if it failed while the scope was read. */
    Optional<XMLStreamException> parseFailure() {
        return Optional.ofNullable(parseFailure);
    }

    /**
     * Reads what the data reader left, to the end tag of the scope's element.
     *
     * @throws XMLStreamException if the document is not well-formed
     */
    void skipRest() throws XMLStreamException {
        while (depth > 0) {
            next();
        }
    }

    @Override
    public boolean hasNext() throws XMLStreamException {
        return depth > 0 && super.hasNext();
    }

    @Override
    public int next() throws XMLStreamException {
        if (depth == 0) {
            throw new NoSuchElementException("the end of the data element was read");
        }
        final int event;
        try {
            event = super.next();
        } catch (XMLStreamException e) {
            parseFailure = e;
            throw e;
        }
        if (event == START_ELEMENT) {
            depth++;
        } else if (event == END_ELEMENT) {
            depth--;
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == CHARACTERS && isWhiteSpace() || event == CDATA && isWhiteSpace() || event == SPACE
                || event == PROCESSING_INSTRUCTION || event == COMMENT) {
            event = next();
        }
        if (event != START_ELEMENT && event != END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != START_ELEMENT) {
            throw new XMLStreamException("not on a start tag", getLocation());
        }
        final StringBuilder text = new StringBuilder();
        for (int event = next(); event != END_ELEMENT; event = next()) {
            switch (event) {
                case CHARACTERS, CDATA, SPACE -> text.append(getText());
                case START_ELEMENT -> throw new XMLStreamException("an element inside text-only content",
                    getLocation());
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        // the message's reader is closed by whoever opened it
    }
}

package org.sdqkd.netconf.protocol.api;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the content of an {@code rpc-reply}'s {@code <data>} (RFC 6241 sections 7.1 and 7.7) while the reply is
 * parsed, straight into what its caller needs, with no DOM of it. The parser is the hardened one of every message,
 * with the same limits.
 *
 * @param <T> what it makes of the data
 */
@FunctionalInterface
public interface DataReader<T> {
    /**
     * Reads the data. The reader is on the start tag of {@code <data>} and ends after the matching end tag
     * ({@code hasNext()} is then false); whatever is left unread is read and checked for well-formedness after
     * this method returns.
     *
     * @param data the reader, valid only during this call
     * @return the result, not null
     * @throws XMLStreamException if the document is not well-formed, or the data is not what this reader accepts
     */
    T read(XMLStreamReader data) throws XMLStreamException;
}

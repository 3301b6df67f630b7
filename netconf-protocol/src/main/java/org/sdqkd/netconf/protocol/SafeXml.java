package org.sdqkd.netconf.protocol;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.xml.stream.XMLStreamReader;
import org.sdqkd.netconf.protocol.impl.CountingInput;
import org.sdqkd.netconf.protocol.impl.DomBuilder;
import org.sdqkd.netconf.protocol.impl.LimitedStreamReader;
import org.w3c.dom.Document;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.protocol.api.XmlParseException;

/**
 * A hardened XML parser for untrusted input: it refuses any document type declaration (so no entity is ever
 * declared or expanded, internal or external: no "billion laughs", no XXE), never processes XInclude (an
 * {@code xi:include} stays an ordinary element), and enforces {@link XmlLimits} on nesting depth and size while
 * parsing, so a deep or large document fails fast. Built on Woodstox's StAX parser, named explicitly, whatever
 * else is on the class path. Thread-safe.
 */
public final class SafeXml {
    private final XmlLimits limits;

    private SafeXml(final XmlLimits limits) {
        this.limits = requireNonNull(limits);
    }

    /**
     * A parser with the given limits.
     *
     * @param limits the depth and size limits
     * @return the parser
     */
    public static SafeXml of(final XmlLimits limits) {
        return new SafeXml(limits);
    }

    /** The limits this parser enforces. */
    public XmlLimits limits() {
        return limits;
    }

    /**
     * Parses a document into a namespace-aware DOM. Comments and processing instructions are dropped; CDATA
     * sections become text.
     *
     * @param xml the document's bytes; the encoding comes from the XML declaration, UTF-8 by default
     * @return the document
     * @throws XmlParseException if the document is refused
     */
    public Document parse(final byte[] xml) throws XmlParseException {
        checkSize(xml.length);
        return DomBuilder.build(LimitedStreamReader.open(new ByteArrayInputStream(xml), limits));
    }

    /**
     * Parses a document while it is read from a stream, to the stream's end; the size limit is checked as the bytes
     * come, so at most {@link XmlLimits#maxBytes()} + 1 bytes are read of a document that is too big.
     *
     * @param in the document's bytes; not closed
     * @return the document
     * @throws XmlParseException if the document is refused
     * @throws IOException if the stream cannot be read
     */
    public Document parse(final InputStream in) throws XmlParseException, IOException {
        return parse(in, null);
    }

    /** As {@link #parse(InputStream)}, with a diversion of some elements' content (null for none). */
    Document parse(final InputStream in, final DomBuilder.Diversion diversion) throws XmlParseException, IOException {
        final CountingInput counted = new CountingInput(in, limits.maxBytes());
        try {
            return DomBuilder.build(LimitedStreamReader.open(counted, limits), diversion);
        } catch (XmlParseException e) {
            final Optional<IOException> failure = counted.failure();
            if (failure.isPresent()) {
                throw failure.orElseThrow();
            }
            throw e;
        }
    }

    /**
     * A StAX reader over a document, for callers that stream. The limits apply: a DTD, an entity reference or
     * nesting beyond the depth limit makes {@code next()} throw an {@link javax.xml.stream.XMLStreamException}
     * whose cause is the {@link XmlParseException}.
     *
     * @param xml the document's bytes
     * @return a reader positioned at the start of the document
     * @throws XmlParseException if the document is too big or the reader cannot be created
     */
    public XMLStreamReader newStreamReader(final byte[] xml) throws XmlParseException {
        checkSize(xml.length);
        return LimitedStreamReader.open(new ByteArrayInputStream(xml), limits);
    }

    private void checkSize(final long size) throws XmlParseException {
        if (size > limits.maxBytes()) {
            throw new XmlParseException(XmlParseException.Reason.TOO_BIG,
                "XML document larger than the maximum of " + limits.maxBytes() + " bytes", null);
        }
    }
}

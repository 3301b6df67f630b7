package org.sdqkd.netconf.protocol.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.sdqkd.netconf.protocol.api.XmlParseException;

/**
 * The input of a document parsed while it is read: refuses the byte after the size limit (an {@link IOException}
 * caused by an {@link XmlParseException} {@code TOO_BIG}, which the parser passes on), and keeps the underlying
 * stream's own failure apart, so that a stream that fails is not reported as a document that is not well-formed.
 * Not thread-safe.
 */
public final class CountingInput extends InputStream {
    private final InputStream in;
    private final int maxBytes;
    private long count;
    private IOException failure;

    /**
     * Counts the bytes read from a stream.
     *
     * @param in       the stream; not closed
     * @param maxBytes the most bytes accepted
     */
    public CountingInput(final InputStream in, final int maxBytes) {
        this.in = requireNonNull(in);
        this.maxBytes = maxBytes;
    }

    /** The failure of the underlying stream, if it failed. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public int read() throws IOException {
        final byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(final byte[] bytes, final int offset, final int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        final int n;
        try {
            // one byte beyond the limit is enough to know the document is too big
            n = in.read(bytes, offset, (int) Math.min(length, maxBytes - count + 1));
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw new IOException(new XmlParseException(XmlParseException.Reason.TOO_BIG,
                    "XML document larger than the maximum of " + maxBytes + " bytes", null));
            }
        }
        return n;
    }
}

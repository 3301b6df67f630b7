package org.sdqkd.netconf.server.api;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * One {@code netconf} subsystem channel as the NETCONF layer sees it: the bytes the client sends, a stream to
 * the client and what is known about the client. The streams carry framed NETCONF messages (RFC 6242 section 4);
 * the transport neither reads nor changes them.
 */
public interface TransportSession extends AutoCloseable {

    /**
     * Returns what the server knows about this session.
     *
     * @return the session-id, the authenticated user, the client's address and the negotiated key exchange
     */
    SessionInfo info();

    /**
     * Returns the bytes the client sends. Reads block until data arrive and return end of stream once the client
     * closed its side of the channel or the session ended.
     *
     * @return the client's bytes
     */
    InputStream input();

    /**
     * Returns the stream to the client. Writes may block while the client's SSH window is full; call
     * {@code flush()} at the end of every message. Writing fails with an {@code IOException} after the session
     * ended.
     *
     * @return the stream to the client
     */
    OutputStream output();

    /**
     * Ends the session: flushes what was written, closes the channel and, once closed, reports the session to
     * {@link SessionHandler#sessionClosed}. Does nothing when the session has already ended. The SSH connection
     * itself stays open for the client's other channels.
     */
    @Override
    void close();
}

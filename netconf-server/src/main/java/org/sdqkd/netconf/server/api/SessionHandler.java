package org.sdqkd.netconf.server.api;

import java.io.IOException;

/**
 * What the NETCONF layer implements to serve the sessions the SSH transport accepts. The transport calls
 * {@link #serve} once for every channel on which an authenticated client started the {@code netconf} subsystem
 * (RFC 6242 section 3), and {@link #sessionClosed} once when that channel has ended.
 *
 * <p>Implementations are called concurrently for different sessions and must be thread-safe.
 */
public interface SessionHandler {

    /**
     * Serves one NETCONF session. Runs on a virtual thread of its own, so it may block reading
     * {@link TransportSession#input()}. When it returns, or throws, the transport closes the channel. The
     * input reaches end of stream (or reading throws) once the client closed the channel or disconnected, the
     * session was idle for too long, or the server stopped.
     *
     * @param session the channel's streams and what is known about the client
     * @throws IOException when reading from or writing to the client fails; the transport then closes the channel
     */
    void serve(TransportSession session) throws IOException;

    /**
     * Tells that a session has ended, whoever ended it: the client (closing the channel or disconnecting), the
     * idle timeout, {@link TransportSession#close()}, or the server stopping. Called exactly once per session, on
     * a transport thread, so it must not block; {@link #serve} may still be running and will see the end of its
     * input. The place to release what the session held, such as datastore locks.
     *
     * @param session the session that ended
     */
    void sessionClosed(SessionInfo session);
}

package org.sdqkd.netconf.client.api;

/**
 * The session ended before the operation completed, or was already closed when it was asked for: closed by the
 * client, dropped by the server or the network, refused for malformed input from the server (framing or XML), or
 * ended by a missing keepalive reply. The cause, if any, tells the details.
 */
public final class NetconfSessionClosedException extends NetconfClientException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for an ended session.
     *
     * @param message why the session ended
     * @param cause the underlying failure, or null
     */
    public NetconfSessionClosedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}

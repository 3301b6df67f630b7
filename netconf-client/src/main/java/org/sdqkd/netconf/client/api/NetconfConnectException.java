package org.sdqkd.netconf.client.api;

/**
 * A session could not be opened: the TCP connection, the SSH handshake (including host key verification),
 * authentication, the {@code netconf} subsystem or the hello exchange failed or timed out.
 */
public final class NetconfConnectException extends NetconfClientException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for a failed connection.
     *
     * @param message which step failed
     * @param cause the underlying failure, or null
     */
    public NetconfConnectException(final String message, final Throwable cause) {
        super(message, cause);
    }
}

package org.sdqkd.netconf.client.api;

import java.time.Duration;

/**
 * No reply arrived in time: to an rpc within its timeout, or to the hello within the hello timeout. A timed-out rpc
 * is forgotten; its reply, should it come later, is logged and dropped. The session stays open.
 */
public final class NetconfTimeoutException extends NetconfClientException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    /**
     * An exception for a wait that lasted too long.
     *
     * @param message what was waited for
     * @param timeout how long was waited
     */
    public NetconfTimeoutException(final String message, final Duration timeout) {
        super(message + " timed out after " + timeout.toMillis() + " ms", null);
        this.timeout = timeout;
    }

    /**
     * How long was waited.
     *
     * @return the timeout that expired
     */
    public Duration timeout() {
        return timeout;
    }
}

package org.sdqkd.netconf.client.api;

/**
 * Why a NETCONF client operation failed: the server answered with errors ({@link NetconfRpcException}), no reply
 * came in time ({@link NetconfTimeoutException}), the session ended ({@link NetconfSessionClosedException}), it could
 * not be opened ({@link NetconfConnectException}), or the reply was not what the operation returns
 * ({@link UnexpectedReplyException}). Futures of the client fail with one of these.
 */
public abstract sealed class NetconfClientException extends Exception
        permits NetconfRpcException, NetconfTimeoutException, NetconfSessionClosedException, NetconfConnectException,
            UnexpectedReplyException {
    private static final long serialVersionUID = 1L;

    NetconfClientException(final String message, final Throwable cause) {
        super(message, cause);
    }
}

package org.sdqkd.ssh.qkd.impl;

import java.util.Locale;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.sdqkd.ssh.qkd.api.QkdKeyException;

/**
 * The key exchange failures of the hybrid methods. The server's disconnect message starts with a fixed phrase per
 * {@link QkdKeyException.Reason}, so that the client can tell a KME outage (which a configured fallback may bypass)
 * from a refused key.
 */
public final class Failures {
    private static final String PREFIX = "QKD key ";

    private Failures() {
    }

    /** The phrase that starts the message of a failure for the reason, such as {@code QKD key unavailable}. */
    static String phrase(final QkdKeyException.Reason reason) {
        return PREFIX + reason.name().toLowerCase(Locale.ROOT);
    }

    static SshException keyExchangeFailed(final QkdKeyException.Reason reason, final String where,
            final String detail) {
        return new SshException(SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED,
            phrase(reason) + " at the " + where + ": " + detail);
    }

    /**
     * The reason a peer's disconnect message gives.
     *
     * @param message the message
     * @return the reason, or null when it is not a QKD key failure
     */
    public static QkdKeyException.Reason reasonOf(final String message) {
        if (message == null || !message.startsWith(PREFIX)) {
            return null;
        }
        for (QkdKeyException.Reason reason : QkdKeyException.Reason.values()) {
            if (message.startsWith(phrase(reason))) {
                return reason;
            }
        }
        return null;
    }
}

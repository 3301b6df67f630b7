package org.sdqkd.ssh.qkd.impl;

import java.util.Locale;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.sdqkd.ssh.qkd.api.QkdKeyException;

/**
 * The key exchange failures of the hybrid methods. A server tells its unauthenticated peer one fixed phrase,
 * {@link #SERVER_MESSAGE}, whatever failed, and logs the detail; a client's exception for its own key failure names
 * the reason and what its key source said, which is local information. Nothing decides by a peer's message: before
 * {@code SSH_MSG_NEWKEYS} anyone on the path can forge it.
 */
final class Failures {
    /** The whole disconnect message of every QKD failure the server sends (RFC 4253 section 11.1). */
    static final String SERVER_MESSAGE = "QKD key exchange failed";

    private Failures() {
    }

    /**
     * The failure of a client whose own key source gave no usable key, with a message such as
     * {@code QKD key unavailable at the client: ...}.
     *
     * @param reason why no key was given
     * @param detail what the key source said, without key bytes
     * @return the exception that ends the key exchange
     */
    static SshException atClient(final QkdKeyException.Reason reason, final String detail) {
        return new SshException(SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED,
            "QKD key " + reason.name().toLowerCase(Locale.ROOT) + " at the client: " + detail);
    }

    /**
     * The failure the server sends its peer: {@link #SERVER_MESSAGE} and nothing else, so that no KME URL, SAE ID or
     * KME reason reaches a peer that has not authenticated. The caller logs the detail.
     *
     * @return the exception that ends the key exchange
     */
    static SshException atServer() {
        return new SshException(SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED, SERVER_MESSAGE);
    }
}

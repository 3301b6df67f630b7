package org.sdqkd.datastore.api;

import static java.util.Objects.requireNonNull;

/**
 * Who acts on the datastores: a NETCONF session (RFC 6241 section 3) or RESTCONF request, or the agent itself.
 *
 * @param id   the session-id; {@code 0} stands for the agent itself, as in the {@code session-id} of a
 *             {@code lock-denied} error held by a non-NETCONF entity (RFC 6241 section 7.5)
 * @param user the authenticated user name
 */
public record SessionId(long id, String user) {
    /** The agent itself, for changes that no client session makes. */
    public static final SessionId SYSTEM = new SessionId(0, "system");

    public SessionId {
        if (id < 0) {
            throw new IllegalArgumentException("session id must not be negative: " + id);
        }
        requireNonNull(user);
    }

    @Override
    public String toString() {
        return "session " + id + " (" + user + ")";
    }
}

package org.sdqkd.nacm.api;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Who asks: the user name from the login, the groups the transport reported for that user (used when
 * {@code enable-external-groups} is true, RFC 8341 section 3.4.4), and whether the session is a recovery session
 * (RFC 8341 section 3.2.1), which access control never restricts.
 *
 * @param user the user name of the session
 * @param externalGroups the groups the login reported, possibly none
 * @param recovery whether this is the recovery session
 */
public record Requester(String user, Set<String> externalGroups, boolean recovery) {
    /**
     * Checks and copies the components.
     *
     * @param user the user name, not null
     * @param externalGroups the external groups, copied
     * @param recovery whether this is the recovery session
     */
    public Requester {
        requireNonNull(user, "user");
        externalGroups = Set.copyOf(externalGroups);
    }

    /**
     * A user with no external groups and no recovery rights.
     *
     * @param user the user name
     * @return the requester
     */
    public static Requester of(final String user) {
        return new Requester(user, Set.of(), false);
    }

    /**
     * The recovery session of the agent itself.
     *
     * @param user the user name it runs as
     * @return the requester
     */
    public static Requester recovery(final String user) {
        return new Requester(user, Set.of(), true);
    }
}

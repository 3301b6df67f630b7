package org.sdqkd.nacm.api;

import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * RFC 8341 access control for every protocol front end (NETCONF and RESTCONF call the same instance): protocol
 * operations, data reads (pruned), data writes (refused with the path) and notifications. The rules are those of the
 * {@code ietf-netconf-acm} {@code nacm} container currently in the running datastore.
 */
public interface AccessControl {
    /**
     * Checks a protocol operation before it runs (RFC 8341 section 3.4.4). {@code close-session} is always allowed.
     *
     * @param requester who asks
     * @param operation the rpc or action name
     * @throws AccessDeniedException when it may not run; counted in {@code denied-operations}
     */
    void checkExecute(Requester requester, QName operation) throws AccessDeniedException;

    /**
     * What of a datastore's content the requester may read (RFC 8341 section 3.4.5): the same root with every node
     * the requester may not read removed, with its descendants. The input is never changed.
     *
     * @param requester who asks
     * @param root the datastore root
     * @return the readable part
     */
    ContainerNode readable(Requester requester, ContainerNode root);

    /**
     * Checks a change of a datastore as a whole, before it is committed (RFC 8341 section 3.4.5): every created,
     * changed or deleted data node must be permitted for the requester.
     *
     * @param requester who asks
     * @param before the datastore root before the change
     * @param after the datastore root the change would leave
     * @throws AccessDeniedException naming the first node refused; counted in {@code denied-data-writes}
     */
    void checkWrite(Requester requester, ContainerNode before, ContainerNode after) throws AccessDeniedException;

    /**
     * Whether a notification may be sent to a subscriber (RFC 8341 section 3.4.6). {@code replayComplete} and
     * {@code notificationComplete} are always sent. A refusal is counted in {@code denied-notifications}.
     *
     * @param requester the subscriber
     * @param notification the notification's name
     * @return whether to send it
     */
    boolean maySend(Requester requester, QName notification);

    /** The denial counters so far. */
    DeniedCounters counters();
}

package org.sdqkd.qkd.node.impl.agent;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners that receive each ETSI GS QKD 015 notification the node publishes, beside its NETCONF stream (such
 * as a RESTCONF gateway's event stream). A listener that throws is logged and the others still receive the event.
 */
final class NotificationListeners {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationListeners.class);

    private final List<Consumer<ContainerNode>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Adds a listener until its registration is closed.
     *
     * @param listener receives each notification's body
     * @return the registration; closing it (more than once is harmless) removes the listener
     */
    Registration add(final Consumer<ContainerNode> listener) {
        // a wrapper of its own, so that the same listener registered twice is removed once per registration
        final Consumer<ContainerNode> entry = requireNonNull(listener)::accept;
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    /**
     * Gives a notification to every listener registered now, in the order they were added.
     *
     * @param body the notification as data
     */
    void deliver(final ContainerNode body) {
        for (Consumer<ContainerNode> listener : listeners) {
            try {
                listener.accept(body);
            } catch (RuntimeException e) {
                LOG.warn("a notification listener failed on {}", body.name().getNodeType(), e);
            }
        }
    }
}

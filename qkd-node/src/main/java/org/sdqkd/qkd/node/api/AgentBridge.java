package org.sdqkd.qkd.node.api;

import java.util.function.Consumer;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * The running bridge between a node's NETCONF agent and its {@link KeyPlane} (ETSI GS QKD 015): running's
 * {@code qkd_node} applied to the key plane, the key plane's state written into the operational datastore, the ETSI
 * notifications published.
 */
public interface AgentBridge extends AutoCloseable {

    /**
     * Refreshes the operational state at once, on the bridge's thread, and waits for it to be written.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void refreshNow() throws InterruptedException;

    /**
     * Adds a listener that receives every ETSI GS QKD 015 notification the bridge publishes to the NETCONF agent,
     * after the agent has it, on the bridge's thread: the notification as data (the binding codec's body of it, named
     * by the notification's QName), as a RESTCONF gateway's {@code NotificationSink} takes it. The listener must not
     * block; one that throws is logged and the others still receive the notification.
     *
     * @param listener receives each notification's body
     * @return the registration; closing it removes the listener
     */
    Registration onNotification(Consumer<ContainerNode> listener);

    /** Stops the bridge and removes the node's operational state; closes neither the key plane nor the agent. */
    @Override
    void close();
}

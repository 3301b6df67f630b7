package org.sdqkd.qkd.node.api;

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

    /** Stops the bridge and removes the node's operational state; closes neither the key plane nor the agent. */
    @Override
    void close();
}

package org.sdqkd.qkd.node.api;

import java.util.Collection;
import java.util.List;

/**
 * The node's key plane: its QKD links (emulated), one key store per link and the delivery of keys to SAEs. The
 * node's agent tells it the links and applications configured, and reads their state back.
 */
public interface KeyPlane extends KeyDelivery, AutoCloseable {
    /**
     * Makes the links these: starts new ones, stops removed ones, applies changed settings to running ones (a
     * changed channel restarts the link; the rate, QBER and faults change in place).
     *
     * @param links every PHYS link of the node
     */
    void applyLinks(Collection<LinkSpec> links);

    /**
     * Makes the applications these; they decide which SAE pairs may get keys over which links.
     *
     * @param applications every application of the node
     */
    void applyApplications(Collection<AppSpec> applications);

    /** The state of every link, in the order they were applied. */
    List<LinkState> links();

    /** The usage of every application. */
    List<AppUsage> applications();

    /** Stops every link; stored and reserved keys are erased. */
    @Override
    void close();
}

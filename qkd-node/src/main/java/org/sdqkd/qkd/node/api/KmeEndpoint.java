package org.sdqkd.qkd.node.api;

/**
 * A running ETSI GS QKD 014 KME: the HTTPS server in front of a {@link KeyDelivery} (its REST API, section 5 of the
 * standard, is described in the module's README).
 */
public interface KmeEndpoint extends AutoCloseable {

    /**
     * The port bound (the settings may ask for 0).
     *
     * @return the port
     */
    int port();

    /** Stops serving; requests under way are cut. */
    @Override
    void close();
}

package org.sdqkd.netconf.server;

import java.io.IOException;
import java.util.Optional;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.nacm.Nacm;
import org.sdqkd.nacm.api.AccessControl;
import org.sdqkd.netconf.server.impl.agent.NetconfService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.sdqkd.netconf.server.api.AgentSettings;

/**
 * A running NETCONF agent: the SSH server with the {@code netconf} subsystem in front of the datastores of one
 * directory, serving every operation of RFC 6241 with the capabilities writable-running, candidate,
 * confirmed-commit:1.1, rollback-on-error, validate:1.1, startup, xpath, with-defaults, notification and
 * interleave, plus ietf-netconf-monitoring with get-schema, the YANG library and NMDA get-data/edit-data.
 */
public final class NetconfAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetconfAgent.class);

    private final Datastores datastores;
    private final NetconfService netconf;
    private final NetconfSshServer server;
    private final EffectiveModelContext models;
    private final Optional<AccessControl> accessControl;

    private NetconfAgent(final Datastores datastores, final NetconfService netconf, final NetconfSshServer server,
            final EffectiveModelContext models, final Optional<AccessControl> accessControl) {
        this.datastores = datastores;
        this.netconf = netconf;
        this.server = server;
        this.models = models;
        this.accessControl = accessControl;
    }

    /**
     * Opens the datastores and starts serving.
     *
     * @param settings how to run
     * @return the running agent, to {@link #close()}
     * @throws StorageException when the datastore directory cannot be opened
     * @throws IOException      when the host key cannot be read or written or the port cannot be bound
     */
    public static NetconfAgent start(final AgentSettings settings) throws StorageException, IOException {
        return start(settings, false);
    }

    /**
     * Opens the datastores and starts serving, with or without RFC 8341 access control. With it, the rules are the
     * {@code ietf-netconf-acm} {@code nacm} container of running (configured over NETCONF itself; with no
     * {@code nacm} at all, RFC 8341's defaults hold: everybody reads all but the {@code default-deny-all} nodes and
     * nobody writes, so an agent with NACM is given its rules in its startup or running datastore first).
     *
     * @param settings how to run
     * @param nacm whether to enforce RFC 8341 access control
     * @return the running agent, to {@link #close()}
     * @throws StorageException when the datastore directory cannot be opened
     * @throws IOException      when the host key cannot be read or written or the port cannot be bound
     */
    public static NetconfAgent start(final AgentSettings settings, final boolean nacm)
            throws StorageException, IOException {
        final Datastores datastores = Datastores.open(settings.datastoreDirectory(), settings.models());
        NetconfService netconf = null;
        try {
            final Optional<AccessControl> access = nacm ? Optional.of(Nacm.engine(settings.models(),
                () -> datastores.snapshot(DatastoreName.RUNNING).root())) : Optional.empty();
            netconf = new NetconfService(datastores, settings.models(), settings.xmlLimits(),
                settings.maxMessageBytes(), settings.helloTimeout(), access);
            final NetconfSshServer server = NetconfSshServer.of(settings.ssh(), netconf.sessionHandler());
            server.start();
            return new NetconfAgent(datastores, netconf, server, settings.models(), access);
        } catch (IOException | StorageException | RuntimeException e) {
            if (netconf != null) {
                netconf.close();
            }
            datastores.close();
            throw e;
        }
    }

    /** The port the agent listens on (useful after binding port 0). */
    public int port() {
        return server.port();
    }

    /** The datastores the agent serves, shared with the agent's other parts (such as the QKD node's services). */
    public Datastores datastores() {
        return datastores;
    }

    /**
     * The agent's RFC 8341 access control, to be shared with the other front ends of the same datastores (the
     * RESTCONF gateway), so that one set of rules holds for every protocol.
     *
     * @return the engine; empty when the agent runs without NACM
     */
    public Optional<AccessControl> accessControl() {
        return accessControl;
    }

    /** The models the agent serves. */
    public EffectiveModelContext models() {
        return models;
    }

    /**
     * Sends a notification of the models to every session subscribed to the NETCONF stream whose filter selects
     * it.
     *
     * @param event the notification's element, in its module's namespace
     */
    public void publish(final Element event) {
        netconf.publish(event);
    }

    /** Stops serving: every session ends, then the datastores are closed. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warn("the SSH server did not stop cleanly", e);
        }
        netconf.close();
        datastores.close();
    }
}

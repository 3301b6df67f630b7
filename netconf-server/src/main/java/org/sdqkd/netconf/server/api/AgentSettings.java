package org.sdqkd.netconf.server.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.server.NetconfAgent;

/**
 * How a {@link NetconfAgent} runs.
 *
 * @param ssh                the SSH transport: address, port, host key, users, limits
 * @param datastoreDirectory where running, startup and the agent's sealed state are kept
 * @param models             the models served; the generated bindings' models on the class path by default
 * @param xmlLimits          depth and size limits on received XML
 * @param maxMessageBytes    the largest message accepted, in bytes
 * @param helloTimeout       how long a client has, after the server's hello, to send its own before the session is
 *                           closed
 */
public record AgentSettings(SshServerConfig ssh, Path datastoreDirectory, EffectiveModelContext models,
        XmlLimits xmlLimits, int maxMessageBytes, Duration helloTimeout) {
    /** The default largest message: 64 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    /** The default hello timeout, Netopeer2's: 60 seconds. */
    public static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(60);

    /** Checks the components. */
    public AgentSettings {
        requireNonNull(ssh);
        requireNonNull(datastoreDirectory);
        requireNonNull(models);
        requireNonNull(xmlLimits);
        requireNonNull(helloTimeout);
        if (!helloTimeout.isPositive()) {
            throw new IllegalArgumentException("hello timeout not positive: " + helloTimeout);
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("maxMessageBytes below 1024: " + maxMessageBytes);
        }
    }

    /**
     * Settings with the project's models and the default limits.
     *
     * @param ssh                the SSH transport
     * @param datastoreDirectory the datastore directory
     * @return the settings
     */
    public static AgentSettings of(final SshServerConfig ssh, final Path datastoreDirectory) {
        return new AgentSettings(ssh, datastoreDirectory, YangModels.projectModels(), XmlLimits.DEFAULT,
            DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_HELLO_TIMEOUT);
    }

    /** These settings with other XML and message limits. */
    public AgentSettings withLimits(final XmlLimits newXmlLimits, final int newMaxMessageBytes) {
        return new AgentSettings(ssh, datastoreDirectory, models, newXmlLimits, newMaxMessageBytes, helloTimeout);
    }

    /** These settings with another SSH transport (another port, for example). */
    public AgentSettings withSsh(final SshServerConfig newSsh) {
        return new AgentSettings(newSsh, datastoreDirectory, models, xmlLimits, maxMessageBytes, helloTimeout);
    }

    /** These settings with another hello timeout. */
    public AgentSettings withHelloTimeout(final Duration newHelloTimeout) {
        return new AgentSettings(ssh, datastoreDirectory, models, xmlLimits, maxMessageBytes, newHelloTimeout);
    }
}

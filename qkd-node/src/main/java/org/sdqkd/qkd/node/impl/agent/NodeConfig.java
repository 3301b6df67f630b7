package org.sdqkd.qkd.node.impl.agent;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import org.sdqkd.qkd.node.impl.keys.LinkChannel;
import org.sdqkd.qkd.node.impl.keys.LinkSpec;

/**
 * The {@code qkd_node} configuration of running, as far as the agent bridge uses it.
 *
 * @param applications the {@code qkd_app} entries
 * @param interfaces   the {@code qkd_interface} entries
 * @param links        the {@code qkd_link} entries
 */
record NodeConfig(List<App> applications, List<Interface> interfaces, List<Link> links) {
    /** No configuration. */
    static final NodeConfig EMPTY = new NodeConfig(List.of(), List.of(), List.of());

    /** Copies the lists. */
    NodeConfig {
        applications = List.copyOf(applications);
        interfaces = List.copyOf(interfaces);
        links = List.copyOf(links);
    }

    /**
     * One {@code qkd_app}.
     *
     * @param id           {@code app_id}
     * @param type         {@code app_type}, the identity's name
     * @param serverAppId  {@code server_app_id}
     * @param clientAppIds {@code client_app_id}
     * @param priority     {@code app_priority}
     * @param expiration   {@code expiration_time}
     * @param qos          the leaves of {@code app_qos} by name, as text
     * @param backingLinks {@code backing_qkdl_id}
     * @param localNode    {@code local_qkdn_id}
     * @param remoteNode   {@code remote_qkdn_id}
     */
    record App(UUID id, Optional<String> type, Optional<String> serverAppId, List<String> clientAppIds,
            OptionalLong priority, Optional<Instant> expiration, Map<String, String> qos, List<UUID> backingLinks,
            Optional<UUID> localNode, Optional<UUID> remoteNode) {
        /** Checks and copies the components. */
        App {
            requireNonNull(id);
            requireNonNull(type);
            requireNonNull(serverAppId);
            clientAppIds = List.copyOf(clientAppIds);
            requireNonNull(priority);
            requireNonNull(expiration);
            qos = Map.copyOf(qos);
            backingLinks = List.copyOf(backingLinks);
            requireNonNull(localNode);
            requireNonNull(remoteNode);
        }
    }

    /**
     * One {@code qkd_interface}.
     *
     * @param id     {@code qkdi_id}
     * @param leaves its configured leaves by path below the entry ({@code qkdi_att_point/port}), as text; identity
     *               values as the identity's name
     */
    record Interface(long id, Map<String, String> leaves) {
        /** Copies the leaves. */
        Interface {
            leaves = Map.copyOf(leaves);
        }
    }

    /** A link's {@code qkdl_type}. */
    enum LinkType {
        /** A physical link (direct quantum channel). */
        PHYS,
        /** A virtual (key relay) link. */
        VIRT,
        /** No type given. */
        NONE
    }

    /**
     * One {@code qkd_link}.
     *
     * @param id             {@code qkdl_id}
     * @param enabled        {@code qkdl_enable}
     * @param type           {@code qkdl_type}
     * @param localNode      {@code qkdl_local/qkdn_id}
     * @param localInterface {@code qkdl_local/qkdi_id}
     * @param remoteNode     {@code qkdl_remote/qkdn_id}
     * @param emulation      sdqkd's {@code emulation}, when present
     */
    record Link(UUID id, boolean enabled, LinkType type, Optional<UUID> localNode, OptionalLong localInterface,
            Optional<UUID> remoteNode, Optional<Emulation> emulation) {
        /** Checks the components. */
        Link {
            requireNonNull(id);
            requireNonNull(type);
            requireNonNull(localNode);
            requireNonNull(localInterface);
            requireNonNull(remoteNode);
            requireNonNull(emulation);
        }
    }

    /**
     * A link's {@code emulation} container.
     *
     * @param channel       {@code channel}
     * @param rate          {@code rate}
     * @param baselineQber  {@code baseline-qber}
     * @param qberThreshold {@code qber-threshold}
     * @param capacity      {@code capacity}
     * @param fault         {@code fault}
     * @param injectedQber  {@code injected-qber}
     */
    record Emulation(LinkChannel channel, Rate rate, double baselineQber, double qberThreshold, int capacity,
            LinkSpec.Fault fault, OptionalDouble injectedQber) {
        /** Checks the components. */
        Emulation {
            requireNonNull(channel);
            requireNonNull(rate);
            requireNonNull(fault);
            requireNonNull(injectedQber);
        }
    }

    /** A link's configured rate. */
    sealed interface Rate {
        /**
         * A fixed rate.
         *
         * @param bitsPerSecond {@code skr}
         */
        record Fixed(long bitsPerSecond) implements Rate {
        }

        /**
         * A trace file.
         *
         * @param file {@code file}, relative to the trace directory unless absolute
         * @param loop {@code loop}
         */
        record TraceFile(String file, boolean loop) implements Rate {
            /** Checks the file. */
            public TraceFile {
                requireNonNull(file);
            }
        }
    }
}

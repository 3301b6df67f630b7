package org.sdqkd.qkd.node.impl.agent;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_qos.AppQos;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.qkd_interfaces.QkdInterface;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.QKDAPPTYPES;
import org.sdqkd.qkd.node.api.LinkChannel;
import org.sdqkd.qkd.node.api.LinkSpec;

/**
 * The {@code qkd_node} configuration of running, as far as the agent bridge uses it: the values of the decoded
 * binding objects in Java types, with the YANG defaults of absent leaves applied.
 *
 * @param applications the {@code qkd_app} entries
 * @param interfaces   the {@code qkd_interface} entries
 * @param links        the {@code qkd_link} entries
 */
record QkdNodeConfig(List<App> applications, List<Interface> interfaces, List<Link> links) {
    /** No configuration. */
    static final QkdNodeConfig EMPTY = new QkdNodeConfig(List.of(), List.of(), List.of());

    /** Copies the lists. */
    QkdNodeConfig {
        applications = List.copyOf(applications);
        interfaces = List.copyOf(interfaces);
        links = List.copyOf(links);
    }

    /**
     * One {@code qkd_app}.
     *
     * @param id           {@code app_id}
     * @param type         {@code app_type}
     * @param serverAppId  {@code server_app_id}
     * @param clientAppIds {@code client_app_id}
     * @param priority     {@code app_priority}
     * @param expiration   {@code expiration_time}
     * @param qos          {@code app_qos}, when configured
     * @param backingLinks {@code backing_qkdl_id}
     * @param localNode    {@code local_qkdn_id}
     * @param remoteNode   {@code remote_qkdn_id}
     */
    record App(UUID id, Optional<QKDAPPTYPES> type, Optional<String> serverAppId, List<String> clientAppIds,
            OptionalLong priority, Optional<Instant> expiration, Optional<AppQos> qos, List<UUID> backingLinks,
            Optional<UUID> localNode, Optional<UUID> remoteNode) {
        /** Checks and copies the components. */
        App {
            requireNonNull(id);
            requireNonNull(type);
            requireNonNull(serverAppId);
            clientAppIds = List.copyOf(clientAppIds);
            requireNonNull(priority);
            requireNonNull(expiration);
            requireNonNull(qos);
            backingLinks = List.copyOf(backingLinks);
            requireNonNull(localNode);
            requireNonNull(remoteNode);
        }
    }

    /**
     * One {@code qkd_interface}.
     *
     * @param id    {@code qkdi_id}
     * @param entry the configured entry
     */
    record Interface(long id, QkdInterface entry) {
        /** Checks the entry. */
        Interface {
            requireNonNull(entry);
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

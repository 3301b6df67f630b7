package org.sdqkd.restconf.gateway.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * One read of a mounted device's data.
 *
 * @param path    the data node to read, in the device's models; {@link YangInstanceIdentifier#of()} for all its data
 * @param content which data: configuration only (a NETCONF get-config of running), or configuration and state (get)
 *                or state only (RFC 8040 section 4.8.1); the gateway trims the answer to what was asked
 * @param depth   the {@code depth} query parameter when given, as a hint the device may use to read less (the gateway
 *                applies it to the answer in any case)
 */
public record MountRead(YangInstanceIdentifier path, Content content, Optional<Integer> depth) {
    /** Which data a read covers (RFC 8040 {@code content}). */
    public enum Content {
        /** Configuration and state data. */
        ALL,
        /** Configuration data only. */
        CONFIG,
        /** State data only. */
        NONCONFIG
    }

    /**
     * A read.
     *
     * @param path    the data node
     * @param content which data
     * @param depth   the depth hint
     */
    public MountRead {
        requireNonNull(path);
        requireNonNull(content);
        requireNonNull(depth);
    }
}

package org.sdqkd.controller.mount;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the controller mounts its nodes.
 *
 * @param rpcTimeout       how long a read, edit step or RPC through a mount waits for the node's reply
 * @param schemaTimeout    how long schema resolution waits for each reply (YANG library, get-schema), and how long a
 *                         request waits for a node's schema being resolved
 * @param maxSchemaBytes   the largest module source accepted (get-schema text or cached file), in characters
 * @param schemaFetches    the get-schema requests in flight at once over all nodes
 */
public record MountSettings(Duration rpcTimeout, Duration schemaTimeout, int maxSchemaBytes, int schemaFetches) {
    /** 30 s per reply, 60 s for schemas, sources up to 16 MiB, 8 get-schema at once. */
    public static final MountSettings DEFAULT = new MountSettings(Duration.ofSeconds(30), Duration.ofSeconds(60),
        16 * 1024 * 1024, 8);

    /** Checks the components. */
    public MountSettings {
        requireNonNull(rpcTimeout);
        requireNonNull(schemaTimeout);
        if (rpcTimeout.isNegative() || rpcTimeout.isZero() || schemaTimeout.isNegative() || schemaTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxSchemaBytes < 1024) {
            throw new IllegalArgumentException("maxSchemaBytes below 1024: " + maxSchemaBytes);
        }
        if (schemaFetches < 1) {
            throw new IllegalArgumentException("schemaFetches below 1: " + schemaFetches);
        }
    }
}

package org.sdqkd.qkd.node.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One application (ETSI GS QKD 015 {@code qkd_app}) as the key plane sees it: which SAE pairs may share keys, over
 * which links. On each node, {@code server_app_id} names the SAE attached to that node and {@code client_app_id} the
 * SAEs at the remote node; the same pair is configured at both ends, mirrored.
 *
 * @param id           {@code app_id}
 * @param localSae     {@code server_app_id}: the SAE at this node
 * @param remoteSaes   {@code client_app_id}: the SAEs at the remote node
 * @param backingLinks {@code backing_qkdl_id}: the links whose keys it uses; empty for any link to the remote node
 * @param remoteNode   {@code remote_qkdn_id}, when given
 * @param expiration   {@code expiration_time}, when given: no key is delivered after it
 */
public record AppSpec(UUID id, String localSae, Set<String> remoteSaes, List<UUID> backingLinks,
        Optional<UUID> remoteNode, Optional<Instant> expiration) {
    /** Checks the components. */
    public AppSpec {
        requireNonNull(id);
        requireNonNull(localSae);
        remoteSaes = Set.copyOf(remoteSaes);
        backingLinks = List.copyOf(backingLinks);
        requireNonNull(remoteNode);
        requireNonNull(expiration);
    }
}

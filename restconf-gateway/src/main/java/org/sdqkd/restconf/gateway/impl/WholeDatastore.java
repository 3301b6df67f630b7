package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;

/**
 * PUT and PATCH of {@code {+restconf}/data} itself (RFC 8040 sections 3.3.1, 4.5, 4.6.1): PUT replaces the whole
 * configuration with the body's, PATCH merges the body's top-level nodes into it. Each is one transaction on running,
 * validated whole at commit, with the request's conditions checked on the whole datastore.
 */
final class WholeDatastore {
    private final DataResource data;
    private final DatastoreBody reader;

    WholeDatastore(final DataResource data, final ModelCodecs codecs) {
        this.data = requireNonNull(data);
        this.reader = new DatastoreBody(codecs);
    }

    /**
     * Replaces all configuration.
     *
     * @return 204 (the datastore always exists)
     * @throws RestconfException 400 for a bad body, 412, or the datastore's refusal (nothing changed)
     */
    Answer put(final Encoding encoding, final byte[] body, final Conditions conditions) throws RestconfException {
        final ContainerNode root = reader.read(encoding, body);
        return data.edit(YangInstanceIdentifier.of(), conditions, (tx, current) -> {
            tx.write(YangInstanceIdentifier.of(), root);
            return 204;
        }, Map.of());
    }

    /**
     * Merges top-level nodes into the configuration.
     *
     * @return 204
     * @throws RestconfException 400 for a bad body, 412, or the datastore's refusal (nothing changed)
     */
    Answer patch(final Encoding encoding, final byte[] body, final Conditions conditions) throws RestconfException {
        final ContainerNode root = reader.read(encoding, body);
        return data.edit(YangInstanceIdentifier.of(), conditions, (tx, current) -> {
            for (DataContainerChild child : root.body()) {
                tx.merge(YangInstanceIdentifier.of(child.name()), child);
            }
            return 204;
        }, Map.of());
    }
}

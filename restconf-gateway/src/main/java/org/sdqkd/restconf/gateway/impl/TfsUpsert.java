package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * The TeraFlowSDN-compatible POST of a body that wraps the target itself ({@code {"qkd_links":{"qkd_link":[...]}}}
 * to {@code .../qkd_node/qkd_links/}): the body is merged into the target, which is created when absent, and each
 * list entry the body holds replaces the stored one, so that a re-POST of an entry is an update. One transaction,
 * with the request's conditions, as every edit.
 */
final class TfsUpsert {
    private final DataResource data;
    private final BodyReader reader;

    TfsUpsert(final DataResource data, final ModelCodecs codecs) {
        this.data = requireNonNull(data);
        this.reader = new BodyReader(codecs);
    }

    /**
     * Applies the upsert.
     *
     * @return 201 when the target or one of the entries was created, 204 otherwise
     * @throws RestconfException 400 for a body that is not the target, 405 for state data, the datastore's refusal
     */
    Answer apply(final ApiPath target, final Encoding encoding, final byte[] body, final Conditions conditions)
            throws RestconfException {
        DataResource.requireConfiguration(target);
        final NormalizedNode parsed = reader.readResource(target, encoding, body);
        final Map<YangInstanceIdentifier, NormalizedNode> entries = new LinkedHashMap<>();
        if (parsed instanceof DataContainerNode container) {
            for (NormalizedNode child : container.body()) {
                if (child instanceof MapNode list) {
                    for (MapEntryNode entry : list.body()) {
                        entries.put(target.path().node(list.name()).node(entry.name()), entry);
                    }
                }
            }
        }
        return data.edit(target.path(), conditions, (tx, current) -> {
            boolean created = current.isEmpty();
            for (YangInstanceIdentifier at : entries.keySet()) {
                created |= tx.read(at).isEmpty();
            }
            tx.merge(target.path(), parsed);
            for (Map.Entry<YangInstanceIdentifier, NormalizedNode> entry : entries.entrySet()) {
                tx.write(entry.getKey(), entry.getValue());
            }
            return created ? 201 : 204;
        }, Map.of());
    }
}

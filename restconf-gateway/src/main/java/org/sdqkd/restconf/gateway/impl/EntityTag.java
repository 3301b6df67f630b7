package org.sdqkd.restconf.gateway.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.OrderedNodeContainer;

/**
 * The entity-tag of a data resource (RFC 8040 section 3.4.1.2; RFC 7232 section 2.3): a SHA-256 digest of its content,
 * independent of the encoding and of the order in which unordered children were written, so it changes exactly when
 * the resource or something below it changes. Ordered-by-user lists keep their order in the digest.
 */
final class EntityTag {
    private EntityTag() {
        // no instances
    }

    /**
     * The entity-tag of a resource's data.
     *
     * @param node the data
     * @return the quoted strong entity-tag, as the {@code ETag} header carries it
     */
    static String of(final NormalizedNode node) {
        final MessageDigest digest = sha256();
        feed(digest, node);
        return '"' + HexFormat.of().formatHex(digest.digest(), 0, 16) + '"';
    }

    private static void feed(final MessageDigest digest, final NormalizedNode node) {
        digest.update(node.name().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '{');
        if (node instanceof NormalizedNodeContainer<?> container) {
            final List<NormalizedNode> children = new ArrayList<>(container.body());
            if (!(node instanceof OrderedNodeContainer<?>)) {
                children.sort(Comparator.comparing(child -> child.name().toString()));
            }
            for (NormalizedNode child : children) {
                feed(digest, child);
            }
        } else {
            final Object value = node.body();
            final String text = value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
        }
        digest.update((byte) '}');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

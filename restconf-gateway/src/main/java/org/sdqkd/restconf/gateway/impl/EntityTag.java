package org.sdqkd.restconf.gateway.impl;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.data.api.schema.OrderedNodeContainer;

/**
 * The entity-tag of a data resource (RFC 8040 section 3.4.1.2; RFC 7232 section 2.3): a SHA-256 digest of its content,
 * independent of the encoding and of the order in which unordered children were written, so it changes exactly when
 * the resource or something below it changes. Ordered-by-user lists keep their order in the digest.
 *
 * <p>A node's digest is that of its name and its children's digests: in their order for ordered-by-user lists, sorted
 * otherwise. Data trees are immutable and share every subtree a commit did not change, so the digests of list entries
 * and of large containers are kept by the identity of their node (weakly, so they go with the data): after a change of
 * one leaf in a list of 10,000 entries, the next entity-tag hashes that entry again and only combines the other
 * entries' kept digests.
 */
final class EntityTag {
    /** Containers with this many children or more keep their digest; list entries always do. */
    private static final int KEPT_FROM = 16;
    private static final Cache<NormalizedNode, byte[]> KEPT = CacheBuilder.newBuilder().weakKeys().build();
    private static final Map<QName, byte[]> NAMES = new ConcurrentHashMap<>();

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
        return '"' + HexFormat.of().formatHex(digest(node), 0, 16) + '"';
    }

    private static byte[] digest(final NormalizedNode node) {
        if (!(node instanceof NormalizedNodeContainer<?> container)) {
            final MessageDigest digest = sha256();
            digest.update(name(node));
            digest.update((byte) '=');
            final Object value = node.body();
            final String text = value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            return digest.digest();
        }
        final boolean keep = node instanceof MapEntryNode || container.size() >= KEPT_FROM;
        if (keep) {
            final byte[] kept = KEPT.getIfPresent(node);
            if (kept != null) {
                return kept;
            }
        }
        final byte[][] children = new byte[container.size()][];
        int index = 0;
        for (NormalizedNode child : container.body()) {
            children[index++] = digest(child);
        }
        if (!(node instanceof OrderedNodeContainer<?>)) {
            Arrays.sort(children, Arrays::compare);
        }
        final MessageDigest digest = sha256();
        digest.update(name(node));
        digest.update((byte) '{');
        for (byte[] child : children) {
            digest.update(child);
        }
        digest.update((byte) '}');
        final byte[] result = digest.digest();
        if (keep) {
            KEPT.put(node, result);
        }
        return result;
    }

    /** The node type's namespace, revision and local name, encoded once per name. */
    private static byte[] name(final NormalizedNode node) {
        return NAMES.computeIfAbsent(node.name().getNodeType(),
            name -> name.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

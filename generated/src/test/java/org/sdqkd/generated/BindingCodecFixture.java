package org.sdqkd.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;

/**
 * Shared binding codec and helpers for the round-trip tests. The runtime context is built from every
 * YangModuleInfo on the test class path (the generated modules and the IETF models they import). That parses the
 * YANG modules and takes a few seconds, so it is done once per JVM, on first use, and shared by all test classes.
 */
final class BindingCodecFixture {
    private static final class Holder {
        static final BindingDataCodec CODEC = ServiceLoader.load(BindingDataCodecFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no BindingDataCodecFactory on the class path"))
            .newBindingDataCodec(BindingRuntimeHelpers.createRuntimeContext());
    }

    private BindingCodecFixture() {
        // utility class
    }

    static BindingDataCodec codec() {
        return Holder.CODEC;
    }

    /** Result of one binding -> DOM -> binding round trip. */
    record RoundTrip<T extends DataObject>(YangInstanceIdentifier path, NormalizedNode node, T decoded) {
    }

    /**
     * Encodes {@code object} at {@code id}, decodes it back, checks that the decoded identifier is the one we
     * started from and that re-encoding the decoded object yields an equal NormalizedNode. The last check only
     * holds when {@code object} sets every leaf that has a YANG default: the decoded object reports defaults for
     * absent leaves and re-encoding it writes them out (see {@link #encodeDecode}).
     */
    static <T extends DataObject> RoundTrip<T> roundTrip(final DataObjectIdentifier<T> id, final T object) {
        final var rt = encodeDecode(id, object);
        assertEquals(rt.node(), encode(id, rt.decoded()), "re-encoding the decoded object changes the DOM data");
        return rt;
    }

    /** Encodes {@code object} at {@code id} and decodes it back, checking only the decoded identifier. */
    static <T extends DataObject> RoundTrip<T> encodeDecode(final DataObjectIdentifier<T> id, final T object) {
        final var serializer = codec().nodeSerializer();
        final var encoded = serializer.toNormalizedDataObject(id, object);
        final var back = serializer.fromNormalizedNode(encoded.path(), encoded.node());
        assertEquals(id, back.getKey(), "decoded identifier");
        final var decoded = assertInstanceOf(id.lastStep().type(), back.getValue());
        return new RoundTrip<>(encoded.path(), encoded.node(), decoded);
    }

    /** Encodes without decoding. */
    static <T extends DataObject> NormalizedNode encode(final DataObjectIdentifier<T> id, final T object) {
        return codec().nodeSerializer().toNormalizedDataObject(id, object).node();
    }

    static NodeIdentifier nid(final QName qname) {
        return NodeIdentifier.create(qname);
    }

    static NodeIdentifier nid(final QName sibling, final String localName) {
        return NodeIdentifier.create(QName.create(sibling, localName));
    }

    static NodeIdentifierWithPredicates entry(final QName list, final String keyLeaf, final Object keyValue) {
        return NodeIdentifierWithPredicates.of(list, QName.create(list, keyLeaf), keyValue);
    }

    /** {@code prefix} followed by {@code rest}. */
    static PathArgument[] path(final PathArgument[] prefix, final PathArgument... rest) {
        final var all = Arrays.copyOf(prefix, prefix.length + rest.length);
        System.arraycopy(rest, 0, all, prefix.length, rest.length);
        return all;
    }

    static NormalizedNode find(final NormalizedNode root, final PathArgument... path) {
        return NormalizedNodes.findNode(root, path)
            .orElseThrow(() -> new AssertionError("no node at " + List.of(path) + " in " + root.prettyTree()));
    }

    static boolean exists(final NormalizedNode root, final PathArgument... path) {
        return NormalizedNodes.findNode(root, path).isPresent();
    }

    /** The value of the leaf at {@code path} below {@code root}. */
    static Object leaf(final NormalizedNode root, final PathArgument... path) {
        return assertInstanceOf(LeafNode.class, find(root, path)).body();
    }

    /** The values of the leaf-list at {@code path}, in the order the DOM node keeps them. */
    static List<Object> leafList(final NormalizedNode root, final PathArgument... path) {
        final var values = new ArrayList<>();
        for (var child : assertInstanceOf(LeafSetNode.class, find(root, path)).body()) {
            values.add(((LeafSetEntryNode<?>) child).body());
        }
        return values;
    }

    /** The entries of the list at {@code path}, in the order the DOM node keeps them. */
    static List<MapEntryNode> listEntries(final NormalizedNode root, final PathArgument... path) {
        return List.copyOf(assertInstanceOf(MapNode.class, find(root, path)).body());
    }
}

package org.sdqkd.controller.impl.schema;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.sdqkd.controller.impl.model.NetworkBindings;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.netconf.protocol.api.XmlElement;

/**
 * The generated bindings the controller reads devices' and its own model data with: {@code ietf-yang-library}
 * (RFC 8525, with RFC 7895's {@code modules-state}), {@code ietf-netconf-monitoring} (RFC 6022) and
 * {@code sdqkd-network} (the mount points), through the controller's one binding codec, on the binding runtime context
 * of the class path's models ({@link YangModels#projectBindings()}: parsed once per process). Thread-safe.
 */
public final class LibraryBindings {
    private final BindingNormalizedNodeSerializer serializer;
    private final ModelXml xml;

    private LibraryBindings(final BindingDataCodec codec) {
        this.serializer = codec.nodeSerializer();
        this.xml = new ModelXml(codec.modelContext());
    }

    /**
     * The bindings of the three models, on the controller's shared binding codec ({@link NetworkBindings#shared()}).
     *
     * @return the codec
     */
    public static LibraryBindings create() {
        return new LibraryBindings(NetworkBindings.shared().codec());
    }

    /** The binding serializer. */
    public BindingNormalizedNodeSerializer serializer() {
        return serializer;
    }

    /** The XML codec of the three models. */
    ModelXml xml() {
        return xml;
    }

    /**
     * Decodes the node at a path of a reply's data as its binding.
     *
     * @param data the children of the reply's {@code <data>}
     * @param path where the node is
     * @param type its binding class
     * @param <T>  the binding
     * @return the node, when the data holds it
     * @throws IOException when the data does not fit the models
     */
    <T extends DataObject> Optional<T> decode(final List<XmlElement> data, final YangInstanceIdentifier path,
            final Class<T> type) throws IOException {
        final ContainerNode root = xml.readData(data, false);
        final Optional<NormalizedNode> node = NormalizedNodes.findNode(root, path.getPathArguments()
            .toArray(new PathArgument[0]));
        if (node.isEmpty()) {
            return Optional.empty();
        }
        final var decoded = serializer.fromNormalizedNode(path, node.orElseThrow());
        if (decoded == null) {
            throw new IOException("the binding codec cannot decode " + path);
        }
        return Optional.of(type.cast(decoded.getValue()));
    }
}

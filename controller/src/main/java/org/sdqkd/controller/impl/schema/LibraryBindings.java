package org.sdqkd.controller.impl.schema;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.NetconfState;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.library.rev190104.YangLibrary;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.Network;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.runtime.api.BindingRuntimeContext;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.sdqkd.netconf.protocol.api.XmlElement;

/**
 * The generated bindings the controller reads devices' and its own model data with: {@code ietf-yang-library}
 * (RFC 8525, with RFC 7895's {@code modules-state}), {@code ietf-netconf-monitoring} (RFC 6022) and
 * {@code sdqkd-network} (the mount points), through yangtools' binding codec. Built once (a second or so); thread-safe.
 */
public final class LibraryBindings {
    private final BindingNormalizedNodeSerializer serializer;
    private final ModelXml xml;

    private LibraryBindings(final BindingRuntimeContext runtime) {
        this.serializer = ServiceLoader.load(BindingDataCodecFactory.class).findFirst()
            .orElseThrow(() -> new IllegalStateException("no BindingDataCodecFactory on the class path"))
            .newBindingDataCodec(runtime).nodeSerializer();
        this.xml = new ModelXml(runtime.modelContext());
    }

    /**
     * The bindings of the three models.
     *
     * @return the codec
     */
    public static LibraryBindings create() {
        return new LibraryBindings(BindingRuntimeHelpers.createRuntimeContext(YangLibrary.class, NetconfState.class,
            Network.class));
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

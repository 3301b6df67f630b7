package org.sdqkd.restconf.gateway.impl;

import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNode;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdNodeBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplications;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.QkdApplicationsBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdApp;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_applications.qkd_applications.QkdAppKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.inet.types.rev130715.Uri;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.Uuid;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.binding.data.codec.dynamic.BindingDataCodecFactory;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizationException;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodecFactorySupplier;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.sdqkd.datastore.YangModels;

/**
 * The test data: ETSI GS QKD 015 {@code qkd_node} content built with the generated bindings, turned into
 * NormalizedNodes by the binding codec and into request bodies by yangtools' own writers (not the gateway's), and
 * answers parsed back with yangtools' parsers, so the tests compare data, never text.
 */
final class TestModels {
    private static final class Holder {
        static final BindingDataCodec CODEC = ServiceLoader.load(BindingDataCodecFactory.class).findFirst()
            .orElseThrow().newBindingDataCodec(BindingRuntimeHelpers.createRuntimeContext());
    }

    static final EffectiveModelContext CONTEXT = YangModels.projectModels();

    /** The binding codec of every model on the class path. */
    static BindingDataCodec codec() {
        return Holder.CODEC;
    }
    static final Uuid NODE_ID = new Uuid("b8f7370b-f7ac-4c45-b0c4-dbdb36e2fc23");
    static final DataObjectIdentifier<QkdNode> QKD_NODE = DataObjectIdentifier.builder(QkdNode.class).build();

    private TestModels() {
        // no instances
    }

    /** The module name the API path of qkd_node starts with. */
    static String module() {
        return CONTEXT.findModuleStatement(QkdNode.QNAME.getModule()).orElseThrow().argument().getLocalName();
    }

    /** The API path of qkd_node, {@code module:qkd_node}. */
    static String nodePath() {
        return module() + ":" + QkdNode.QNAME.getLocalName();
    }

    /** The API path of one application. */
    static String appPath(final Uuid appId) {
        return nodePath() + "/" + QkdApplications.QNAME.getLocalName() + "/" + QkdApp.QNAME.getLocalName() + "="
            + appId.getValue();
    }

    /** A node with some applications. */
    static QkdNode node(final String location, final QkdApp... apps) {
        final QkdNodeBuilder builder = new QkdNodeBuilder().setQkdnId(NODE_ID).setQkdnLocationId(location);
        if (apps.length > 0) {
            final QkdApplicationsBuilder applications = new QkdApplicationsBuilder();
            applications.setQkdApp(java.util.Arrays.stream(apps).collect(java.util.stream.Collectors.toMap(
                QkdApp::key, app -> app)));
            builder.setQkdApplications(applications.build());
        }
        return builder.build();
    }

    /** An application. */
    static QkdApp app(final Uuid id, final long priority, final String... clients) {
        return new QkdAppBuilder().setAppId(id).setAppPriority(Uint32.valueOf(priority))
            .setServerAppId(new Uri("urn:sdqkd:sae:server"))
            .setClientAppId(clients.length == 0 ? null : Set.of(java.util.Arrays.stream(clients).map(Uri::new)
                .toArray(Uri[]::new)))
            .build();
    }

    /** The binding identifier of an application. */
    static DataObjectIdentifier<QkdApp> appId(final Uuid id) {
        return DataObjectIdentifier.builder(QkdNode.class).child(QkdApplications.class)
            .child(QkdApp.class, new QkdAppKey(id)).build();
    }

    /** A binding object as a NormalizedNode. */
    static <T extends DataObject> NormalizedNode normalized(final DataObjectIdentifier<T> id, final T object) {
        return Holder.CODEC.nodeSerializer().toNormalizedDataObject(id, object).node();
    }

    /** A binding identifier as a data tree path. */
    static YangInstanceIdentifier path(final DataObjectIdentifier<?> id) {
        return Holder.CODEC.nodeSerializer().toYangInstanceIdentifier(id);
    }

    /** An application read back from its NormalizedNode (a map entry), with the binding codec. */
    static QkdApp decodeApp(final MapEntryNode entry) {
        final YangInstanceIdentifier path = path(DataObjectIdentifier.builder(QkdNode.class)
            .child(QkdApplications.class).build()).node(QkdApp.QNAME).node(entry.name());
        return QkdApp.class.cast(Holder.CODEC.nodeSerializer().fromNormalizedNode(path, entry).getValue());
    }

    /** A qkd_node read back from its NormalizedNode, with the binding codec. */
    static QkdNode decodeNode(final NormalizedNode node) {
        return QkdNode.class.cast(Holder.CODEC.nodeSerializer().fromNormalizedNode(path(QKD_NODE), node).getValue());
    }

    /** A binding object read back from its NormalizedNode at a path, with the binding codec. */
    @SuppressWarnings("unchecked")
    static <T extends DataObject> T decode(final DataObjectIdentifier<T> id, final NormalizedNode node) {
        return (T) Holder.CODEC.nodeSerializer().fromNormalizedNode(path(id), node).getValue();
    }

    /** An application's NormalizedNode (a map entry). */
    static NormalizedNode normalizedApp(final QkdApp app) {
        return normalized(appId(app.getAppId()), app);
    }

    /**
     * A body holding a node, written by yangtools: the node as its own member (RFC 7951) or element.
     *
     * @param node     the node; a list entry goes inside its list
     * @param parents  the data tree path of its parent, as QNames
     * @param encoding the encoding
     */
    static byte[] body(final NormalizedNode node, final List<QName> parents, final Encoding encoding) {
        return body(CONTEXT, node, parents, encoding);
    }

    /** A body holding a node of other models, such as {@link TestModule#CONTEXT}'s. */
    static byte[] body(final EffectiveModelContext context, final NormalizedNode node, final List<QName> parents,
            final Encoding encoding) {
        final SchemaInferenceStack stack = SchemaInferenceStack.of(context);
        parents.forEach(stack::enterDataTree);
        final NormalizedNode wrapped = node instanceof MapEntryNode entry ? ImmutableNodes.newSystemMapBuilder()
                .withNodeIdentifier(new YangInstanceIdentifier.NodeIdentifier(entry.name().getNodeType()))
                .withChild(entry).build()
            : node instanceof LeafSetEntryNode<?> value ? leafSet(value) : node;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (encoding == Encoding.JSON) {
                final OutputStreamWriter text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                final JsonWriter json = JsonWriterFactory.createJsonWriter(text);
                final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
                    JSONNormalizedNodeStreamWriter.createExclusiveWriter(
                        JSONCodecFactorySupplier.RFC7951.getShared(context), stack.toInference(), null, json));
                writer.write(wrapped);
                writer.close();
            } else {
                final XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
                    XMLStreamNormalizedNodeStreamWriter.create(xml, stack.toInference()));
                writer.write(wrapped);
                writer.flush();
            }
        } catch (IOException | XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        return out.toByteArray();
    }

    private static <T> NormalizedNode leafSet(final LeafSetEntryNode<T> value) {
        return ImmutableNodes.<T>newSystemLeafSetBuilder()
            .withNodeIdentifier(new YangInstanceIdentifier.NodeIdentifier(value.name().getNodeType()))
            .withChild(value).build();
    }

    /**
     * Parses an answer holding one data resource.
     *
     * @param text     the answer's body
     * @param path     the data tree path of the resource, as QNames (list steps included)
     * @param encoding its encoding
     */
    static NormalizedNode parse(final String text, final List<QName> path, final Encoding encoding) {
        return parse(CONTEXT, text, path, encoding);
    }

    /** Parses an answer holding one data resource of other models, such as {@link TestModule#CONTEXT}'s. */
    static NormalizedNode parse(final EffectiveModelContext context, final String text, final List<QName> path,
            final Encoding encoding) {
        final SchemaInferenceStack stack = SchemaInferenceStack.of(context);
        path.forEach(stack::enterDataTree);
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (encoding == Encoding.JSON) {
                return JSONCodecFactorySupplier.RFC7951.getShared(context)
                    .parseData(stack.toInference(), new ByteArrayInputStream(bytes)).data();
            }
            final NormalizationResultHolder holder = new NormalizationResultHolder();
            try (XmlParserStream parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder),
                    stack.toInference())) {
                parser.parse(javax.xml.stream.XMLInputFactory.newFactory()
                    .createXMLStreamReader(new ByteArrayInputStream(bytes)));
            }
            return holder.getResult().data();
        } catch (NormalizationException | IOException | XMLStreamException e) {
            throw new AssertionError("the answer does not parse: " + text, e);
        }
    }
}

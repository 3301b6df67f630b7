package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonParserStream;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Reads the body of a PUT or PATCH of the whole datastore (RFC 8040 sections 3.3.1, 4.5, 4.6.1): the
 * {@code ietf-restconf:data} structure, {@code {"ietf-restconf:data": {...}}} in JSON or
 * {@code <data xmlns="urn:ietf:params:xml:ns:yang:ietf-restconf">...</data>} in XML, holding top-level configuration
 * nodes. The wrapper is checked here (ietf-restconf is a yang-data template, not a loaded model); every top-level node
 * inside is read by the yangtools codecs, with their type checks and unknown-node refusals.
 */
final class DatastoreBody {
    /** The ietf-restconf namespace. */
    static final String NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-restconf";
    /** The JSON member of the wrapper. */
    static final String JSON_ROOT = "ietf-restconf:data";

    private final ModelCodecs codecs;
    private final XmlInput xml = new XmlInput();

    DatastoreBody(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
    }

    /**
     * Reads a body.
     *
     * @param encoding its encoding
     * @param body     the body
     * @return the datastore root holding the body's top-level nodes
     * @throws RestconfException 400: malformed-message, unknown-element, unknown-namespace, invalid-value (also for
     *                           another wrapper, or state data)
     */
    ContainerNode read(final Encoding encoding, final byte[] body) throws RestconfException {
        if (body.length == 0) {
            throw RestconfException.malformed("this request needs a body: the ietf-restconf:data structure");
        }
        final ContainerNode root = switch (encoding) {
            case JSON -> json(body);
            case XML -> xml(body);
        };
        for (DataContainerChild child : root.body()) {
            final DataSchemaContext schema = codecs.tree().getRoot().childByArg(child.name());
            final boolean config = schema != null && schema.dataSchemaNode() != null
                && schema.dataSchemaNode().effectiveConfig().orElse(Boolean.TRUE);
            if (!config) {
                throw RestconfException.of(RestconfError.at(ErrorTag.INVALID_VALUE,
                    YangInstanceIdentifier.of(child.name()), "state data (config false) cannot be written"));
            }
        }
        return root;
    }

    private ContainerNode json(final byte[] body) throws RestconfException {
        final JsonElement parsed;
        try {
            parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw RestconfException.malformed("the body is not JSON: " + e.getMessage());
        }
        if (!parsed.isJsonObject() || parsed.getAsJsonObject().size() != 1
                || !parsed.getAsJsonObject().has(JSON_ROOT)
                || !parsed.getAsJsonObject().get(JSON_ROOT).isJsonObject()) {
            throw invalid("the body of the datastore resource is one object {\"" + JSON_ROOT + "\": {...}}");
        }
        final var root = ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(SchemaContext.NAME));
        final JsonObject data = parsed.getAsJsonObject().getAsJsonObject(JSON_ROOT);
        for (Map.Entry<String, JsonElement> member : data.entrySet()) {
            // the codec reads one top-level node per call
            final JsonObject single = new JsonObject();
            single.add(member.getKey(), member.getValue());
            final NormalizationResultHolder holder = new NormalizationResultHolder();
            try (JsonParserStream parser = JsonParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder),
                    codecs.json())) {
                parser.parse(new JsonReader(new StringReader(single.toString())));
            } catch (IOException | RuntimeException e) {
                throw ParseFailures.of(e, YangInstanceIdentifier.of());
            }
            root.withChild((DataContainerChild) holder.getResult().data());
        }
        return root.build();
    }

    private ContainerNode xml(final byte[] body) throws RestconfException {
        final NormalizationResultHolder holder = new NormalizationResultHolder();
        try {
            final XMLStreamReader reader = xml.reader(body);
            try {
                reader.nextTag();
                if (!NAMESPACE.equals(reader.getNamespaceURI()) || !"data".equals(reader.getLocalName())) {
                    throw invalid("the body of the datastore resource is a data element in the namespace "
                        + NAMESPACE + ", not " + reader.getName());
                }
                final XMLStreamReader data = xml.reader(body);
                try (XmlParserStream parser = XmlParserStream.create(
                        ImmutableNormalizedNodeStreamWriter.from(holder), codecs.xml(),
                        SchemaInferenceStack.of(codecs.context()).toInference())) {
                    parser.parse(data);
                } finally {
                    data.close();
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw RestconfException.malformed("the XML body is not well-formed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw ParseFailures.of(e, YangInstanceIdentifier.of());
        }
        final var root = ImmutableNodes.newContainerBuilder()
            .withNodeIdentifier(new NodeIdentifier(SchemaContext.NAME));
        ((ContainerNode) holder.getResult().data()).body().forEach(root::withChild);
        return root.build();
    }

    private static RestconfException invalid(final String message) {
        return RestconfException.of(RestconfError.of(ErrorTag.INVALID_VALUE, message));
    }
}

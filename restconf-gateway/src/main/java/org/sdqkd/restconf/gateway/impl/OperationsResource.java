package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * {@code {+restconf}/operations} (RFC 8040 section 3.3.2): the RPCs of the served models, each as an empty member
 * ({@code "module:rpc": [null]} in JSON, an empty element in the RPC's namespace in XML), listed whole or one by one
 * at {@code {+restconf}/operations/module:rpc}, which is also the resource that invokes it (POST, section 4.4.2,
 * carried out by {@link OperationInvoker}); an RPC the models do not have is 400 unknown-element.
 */
final class OperationsResource {
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    /** An RPC with its module's name. */
    private record Operation(Module module, RpcDefinition rpc) {
        String apiName() {
            return module.getName() + ":" + rpc.getQName().getLocalName();
        }
    }

    private final List<Operation> operations;

    OperationsResource(final EffectiveModelContext models) {
        requireNonNull(models);
        this.operations = models.getModules().stream()
            .flatMap(module -> module.getRpcs().stream().map(rpc -> new Operation(module, rpc)))
            .sorted(Comparator.comparing(Operation::apiName))
            .toList();
    }

    /**
     * The operations resource or one operation in it.
     *
     * @param name     {@code module:rpc}, or empty for all of them
     * @param encoding the answer's encoding
     * @return the document
     * @throws RestconfException 400 unknown-element when no served model has that RPC
     */
    byte[] read(final Optional<String> name, final Encoding encoding) throws RestconfException {
        return write(name.isEmpty() ? operations : List.of(find(name.orElseThrow())), encoding);
    }

    /**
     * The RPC to invoke (RFC 8040 section 4.4.2).
     *
     * @param name {@code module:rpc}
     * @return its schema path
     * @throws RestconfException 400 unknown-element for an RPC the models do not have
     */
    Absolute rpc(final String name) throws RestconfException {
        return Absolute.of(find(name).rpc().getQName());
    }

    private Operation find(final String name) throws RestconfException {
        return operations.stream().filter(operation -> operation.apiName().equals(name)).findFirst()
            .orElseThrow(() -> new RestconfException(400, new RestconfError(ErrorType.PROTOCOL,
                ErrorTag.UNKNOWN_ELEMENT, Optional.empty(), Optional.empty(), "no RPC " + name
                    + " in the served models; RPCs are named module:rpc")));
    }

    private static byte[] write(final List<Operation> listed, final Encoding encoding) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            switch (encoding) {
                case JSON -> json(listed, out);
                case XML -> xml(listed, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void json(final List<Operation> listed, final ByteArrayOutputStream out) throws IOException {
        final OutputStreamWriter text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        final JsonWriter json = JsonWriterFactory.createJsonWriter(text, 2);
        json.setSerializeNulls(true);
        json.beginObject().name("ietf-restconf:operations").beginObject();
        for (Operation operation : listed) {
            json.name(operation.apiName()).beginArray().nullValue().endArray();
        }
        json.endObject().endObject();
        json.flush();
        text.flush();
    }

    private static void xml(final List<Operation> listed, final ByteArrayOutputStream out) throws IOException {
        try {
            final XMLStreamWriter xml = XML_OUTPUT.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("", "operations", RootResource.NAMESPACE);
            xml.writeDefaultNamespace(RootResource.NAMESPACE);
            for (Operation operation : listed) {
                final String namespace = operation.rpc().getQName().getNamespace().toString();
                xml.writeEmptyElement("", operation.rpc().getQName().getLocalName(), namespace);
                xml.writeDefaultNamespace(namespace);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("the XML writer failed", e);
        }
    }
}

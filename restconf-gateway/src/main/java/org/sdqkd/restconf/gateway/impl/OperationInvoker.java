package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.stream.JsonWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizationException;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.gson.JsonWriterFactory;
import org.opendaylight.yangtools.yang.data.codec.xml.XMLStreamNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.opendaylight.yangtools.yang.model.api.InputSchemaNode;
import org.opendaylight.yangtools.yang.model.api.MandatoryAware;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.sdqkd.restconf.gateway.spi.OperationException;
import org.sdqkd.restconf.gateway.spi.OperationImplementation;

/**
 * Invokes an RPC or action (RFC 8040 sections 3.6 and 4.4.2): reads the {@code module:input} body with the yangtools
 * codecs (an empty body is an empty input), checks its mandatory leaves, calls the registered implementation and
 * writes its output as {@code module:output}; no output, or an empty one, answers 204. An operation without an
 * implementation answers 405 operation-not-supported; an implementation's failure answers its error.
 */
final class OperationInvoker {
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final ModelCodecs codecs;
    private final OperationRegistry registry;
    private final XmlInput xml = new XmlInput();

    /**
     * The answer of an invocation.
     *
     * @param status 200 or 204
     * @param body   the output document, empty for 204
     */
    record Result(int status, Optional<byte[]> body) {
        Result {
            requireNonNull(body);
        }
    }

    OperationInvoker(final ModelCodecs codecs, final OperationRegistry registry) {
        this.codecs = requireNonNull(codecs);
        this.registry = requireNonNull(registry);
    }

    /**
     * Invokes an operation.
     *
     * @param operation the schema path of the RPC or action
     * @param target    the action's data node, {@link YangInstanceIdentifier#of()} for an RPC
     * @param encoding  the body's encoding, empty when there is no body
     * @param body      the body
     * @param answer    the answer's encoding
     * @return the answer
     * @throws RestconfException 405 when nothing implements it, 400 for a bad input, the implementation's error
     */
    Result invoke(final Absolute operation, final YangInstanceIdentifier target, final Optional<Encoding> encoding,
            final byte[] body, final Encoding answer) throws RestconfException {
        final OperationImplementation implementation = registry.find(operation).orElseThrow(() ->
            new RestconfException(405, RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED, "the operation "
                + codecs.context().findModule(operation.lastNodeIdentifier().getModule()).orElseThrow().getName()
                + ":" + operation.lastNodeIdentifier().getLocalName() + " is in the models, but no implementation "
                + "of it is registered with this server")));
        return invoke(operation, target, encoding, body, answer, (node, input) -> {
            try {
                return implementation.invoke(node, input);
            } catch (OperationException e) {
                throw new RestconfException(ErrorStatus.of(e.tag()), new RestconfError(e.type(), e.tag(),
                    e.appTag(), Optional.empty(), e.getMessage()));
            }
        });
    }

    /** What carries out an operation once its input is read and checked. */
    @FunctionalInterface
    interface Call {
        /**
         * Carries it out.
         *
         * @param target the action's data node, {@link YangInstanceIdentifier#of()} for an RPC
         * @param input  the checked input
         * @return the output
         * @throws RestconfException the error to answer
         */
        ContainerNode invoke(YangInstanceIdentifier target, ContainerNode input) throws RestconfException;
    }

    /**
     * Invokes an operation with a given implementation (a mounted device's, for example).
     *
     * @param operation the schema path of the RPC or action
     * @param target    the action's data node, {@link YangInstanceIdentifier#of()} for an RPC
     * @param encoding  the body's encoding, empty when there is no body
     * @param body      the body
     * @param answer    the answer's encoding
     * @param call      what carries it out
     * @return the answer
     * @throws RestconfException 400 for a bad input, the call's error
     */
    Result invoke(final Absolute operation, final YangInstanceIdentifier target, final Optional<Encoding> encoding,
            final byte[] body, final Encoding answer, final Call call) throws RestconfException {
        final SchemaInferenceStack stack = SchemaInferenceStack.of(codecs.context(), operation);
        final QName inputName = QName.create(operation.lastNodeIdentifier(), "input");
        final QName outputName = QName.create(operation.lastNodeIdentifier(), "output");
        final EffectiveStatementInference atOperation = stack.toInference();
        stack.enterSchemaTree(inputName);
        final InputSchemaNode inputSchema = (InputSchemaNode) stack.currentStatement();
        final ContainerNode input = body.length == 0 || encoding.isEmpty()
            ? ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(inputName)).build()
            : read(stack.toInference(), inputName, encoding.orElseThrow(), body);
        requireMandatory(inputSchema, input);
        final ContainerNode output = requireNonNull(call.invoke(target, input), "the implementation returned null");
        if (output.body().isEmpty()) {
            return new Result(204, Optional.empty());
        }
        if (!output.name().getNodeType().equals(outputName)) {
            throw new IllegalStateException("the implementation of " + operation + " answered " + output.name()
                + " instead of its output");
        }
        return new Result(200, Optional.of(write(atOperation, output, answer)));
    }

    private ContainerNode read(final EffectiveStatementInference atInput, final QName inputName,
            final Encoding encoding, final byte[] body) throws RestconfException {
        final NormalizedNode parsed;
        try {
            parsed = switch (encoding) {
                case JSON -> codecs.json().parseData(atInput, new ByteArrayInputStream(body)).data();
                case XML -> xmlInput(atInput, inputName, body);
            };
        } catch (NormalizationException | IOException | XMLStreamException | RuntimeException e) {
            throw ParseFailures.of(e, YangInstanceIdentifier.of());
        }
        if (!(parsed instanceof ContainerNode input) || !input.name().getNodeType().equals(inputName)) {
            throw RestconfException.of(RestconfError.of(ErrorTag.INVALID_VALUE,
                "the body of an operation is its input (RFC 8040 section 3.6.1)"));
        }
        return input;
    }

    private NormalizedNode xmlInput(final EffectiveStatementInference atInput, final QName inputName,
            final byte[] body) throws XMLStreamException, IOException, RestconfException {
        final XMLStreamReader check = xml.reader(body);
        check.nextTag();
        final boolean isInput = inputName.getNamespace().toString().equals(check.getNamespaceURI())
            && "input".equals(check.getLocalName());
        check.close();
        if (!isInput) {
            throw RestconfException.of(RestconfError.of(ErrorTag.INVALID_VALUE, "the body of an operation is its "
                + "input element in the namespace " + inputName.getNamespace() + " (RFC 8040 section 3.6.1)"));
        }
        final NormalizationResultHolder holder = new NormalizationResultHolder();
        final XMLStreamReader reader = xml.reader(body);
        try (XmlParserStream parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder),
                codecs.xml(), atInput)) {
            parser.parse(reader);
        } finally {
            reader.close();
        }
        return holder.getResult().data();
    }

    /** The mandatory leaves, choices and anydata directly in the input must be there (RFC 7950 section 7.6.5). */
    private static void requireMandatory(final InputSchemaNode schema, final ContainerNode input)
            throws RestconfException {
        for (DataSchemaNode child : schema.getChildNodes()) {
            if (child instanceof MandatoryAware mandatory && mandatory.isMandatory()
                    && input.childByArg(new NodeIdentifier(child.getQName())) == null) {
                throw RestconfException.of(RestconfError.of(ErrorTag.MISSING_ELEMENT, "the input lacks the "
                    + "mandatory " + child.getQName().getLocalName()));
            }
        }
    }

    private byte[] write(final EffectiveStatementInference atOperation, final ContainerNode output,
            final Encoding encoding) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            switch (encoding) {
                case JSON -> {
                    final OutputStreamWriter text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    final JsonWriter json = JsonWriterFactory.createJsonWriter(text, 2);
                    final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
                        JSONNormalizedNodeStreamWriter.createExclusiveWriter(codecs.json(), atOperation, null, json));
                    writer.write(output);
                    writer.close();
                }
                case XML -> {
                    final XMLStreamWriter xmlWriter = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
                    xmlWriter.writeStartDocument("UTF-8", "1.0");
                    final NormalizedNodeWriter writer = NormalizedNodeWriter.forStreamWriter(
                        XMLStreamNormalizedNodeStreamWriter.create(xmlWriter, atOperation));
                    writer.write(output);
                    writer.flush();
                    xmlWriter.writeEndDocument();
                    xmlWriter.flush();
                }
            }
        } catch (IOException | XMLStreamException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}

package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.InputStreamNormalizer.PrefixAndResult;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizationException;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.opendaylight.yangtools.yang.model.api.stmt.ModuleEffectiveStatement;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Reads request bodies into NormalizedNodes with the yangtools codecs: the target resource itself for PUT and a
 * plain PATCH (RFC 8040 sections 4.5, 4.6.1), one child of the target for POST (section 4.4.1). Values are checked
 * against their types, unknown members are refused, and the body must name the node the path names.
 */
final class BodyReader {
    private final ModelCodecs codecs;
    private final XmlInput xml;

    BodyReader(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
        this.xml = new XmlInput();
    }

    /**
     * A new child of the target, as POST creates it.
     *
     * @param path the child's full data tree path
     * @param data the child (a list entry for a list)
     */
    record Child(YangInstanceIdentifier path, NormalizedNode data) {
        Child {
            requireNonNull(path);
            requireNonNull(data);
        }
    }

    /**
     * Reads the body of a PUT or plain PATCH: the node the path names.
     *
     * @param target   the resource
     * @param encoding the body's encoding
     * @param body     the body
     * @return the node, with the target's identifier
     * @throws RestconfException 400 for a malformed body, unknown members, bad values or another node than the
     *                           path names
     */
    NormalizedNode readResource(final ApiPath target, final Encoding encoding, final byte[] body)
            throws RestconfException {
        requireBody(body);
        final NormalizedNode parsed = switch (encoding) {
            case JSON -> parseJson(target, body);
            case XML -> parseXml(target.inference(), body, target.schema().dataSchemaNode().getQName());
        };
        final NormalizedNode node = single(parsed);
        final PathArgument expected = target.path().getLastPathArgument();
        if (!node.name().equals(expected)) {
            throw RestconfException.of(RestconfError.at(ErrorTag.INVALID_VALUE, target.path(),
                "the body holds " + node.name() + " but the path names " + expected
                    + " (RFC 8040 section 4.5: the body is the target resource)"));
        }
        return node;
    }

    /**
     * Reads the body of a POST that creates a data resource: one child of the target.
     *
     * @param target   the parent resource, or the datastore root
     * @param encoding the body's encoding
     * @param body     the body
     * @return the child and its path
     * @throws RestconfException 400 for a malformed body, unknown members or bad values
     */
    Child readChild(final ApiPath target, final Encoding encoding, final byte[] body) throws RestconfException {
        requireBody(body);
        final List<PathArgument> prefix = new ArrayList<>();
        final NormalizedNode node = switch (encoding) {
            case JSON -> {
                final PrefixAndResult result = parseJsonChild(target, body);
                prefix.addAll(result.prefix());
                yield result.result().data();
            }
            case XML -> parseXmlChild(target, body, prefix);
        };
        final NormalizedNode child = single(node);
        if (node != child) {
            prefix.add(node.name());
        }
        return new Child(YangInstanceIdentifier.builder(target.path()).append(prefix).node(child.name())
            .build(), child);
    }

    private NormalizedNode parseJson(final ApiPath target, final byte[] body) throws RestconfException {
        try {
            return codecs.json().parseData(target.inference(), new ByteArrayInputStream(body)).data();
        } catch (NormalizationException | RuntimeException e) {
            throw ParseFailures.of(e, target.path());
        }
    }

    private PrefixAndResult parseJsonChild(final ApiPath target, final byte[] body) throws RestconfException {
        try {
            return codecs.json().parseChildData(target.inference(), new ByteArrayInputStream(body));
        } catch (NormalizationException | RuntimeException e) {
            throw ParseFailures.of(e, target.path());
        }
    }

    private NormalizedNode parseXmlChild(final ApiPath target, final byte[] body, final List<PathArgument> prefix)
            throws RestconfException {
        final javax.xml.namespace.QName element = rootElement(body);
        final QNameModule module = codecs.context()
            .findModuleStatements(XMLNamespace.of(element.getNamespaceURI())).stream().findFirst()
            .map(ModuleEffectiveStatement::localQNameModule)
            .orElseThrow(() -> RestconfException.of(RestconfError.of(ErrorTag.UNKNOWN_NAMESPACE,
                "no module has the namespace '" + element.getNamespaceURI() + "'")));
        final QName qname = QName.create(module, element.getLocalPart());
        if (!(target.schema() instanceof DataSchemaContext.Composite composite)) {
            throw RestconfException.of(RestconfError.at(ErrorTag.INVALID_VALUE, target.path(),
                "a leaf or leaf-list has no children to create"));
        }
        if (SchemaChildren.find(composite, qname, prefix).isEmpty()) {
            throw RestconfException.of(RestconfError.at(ErrorTag.UNKNOWN_ELEMENT, target.path(),
                "no child " + element.getLocalPart() + " in namespace " + element.getNamespaceURI() + " here"));
        }
        final SchemaInferenceStack stack = target.stack();
        stack.enterDataTree(qname);
        return parseXml(stack.toInference(), body, qname);
    }

    private NormalizedNode parseXml(final EffectiveStatementInference at, final byte[] body, final QName expected)
            throws RestconfException {
        final javax.xml.namespace.QName element = rootElement(body);
        if (!expected.getNamespace().toString().equals(element.getNamespaceURI())
                || !expected.getLocalName().equals(element.getLocalPart())) {
            throw RestconfException.of(RestconfError.of(ErrorTag.INVALID_VALUE, "the body holds element "
                + element + " but the path names " + expected.getLocalName() + " in namespace "
                + expected.getNamespace() + " (RFC 8040 section 4.5: the body is the target resource)"));
        }
        final NormalizationResultHolder holder = new NormalizationResultHolder();
        try {
            final XMLStreamReader reader = xml.reader(body);
            try (XmlParserStream parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder),
                    codecs.xml(), at)) {
                parser.parse(reader);
            } finally {
                reader.close();
            }
            return holder.getResult().data();
        } catch (XMLStreamException | IOException | RuntimeException e) {
            throw ParseFailures.of(e, YangInstanceIdentifier.of());
        }
    }

    private javax.xml.namespace.QName rootElement(final byte[] body) throws RestconfException {
        try {
            final XMLStreamReader reader = xml.reader(body);
            try {
                reader.nextTag();
                return reader.getName();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw RestconfException.malformed("the XML body is not well-formed: " + e.getMessage());
        }
    }

    /** A list or leaf-list holding one entry stands for that entry (a list entry's body is its list member). */
    private static NormalizedNode single(final NormalizedNode node) throws RestconfException {
        if (node instanceof MapNode map) {
            if (map.size() != 1) {
                throw RestconfException.of(RestconfError.of(ErrorTag.INVALID_VALUE,
                    "the body must hold exactly one list entry, it holds " + map.size()));
            }
            return map.body().iterator().next();
        }
        if (node instanceof LeafSetNode<?> set) {
            if (set.size() != 1) {
                throw RestconfException.of(RestconfError.of(ErrorTag.INVALID_VALUE,
                    "the body must hold exactly one leaf-list value, it holds " + set.size()));
            }
            return set.body().iterator().next();
        }
        return node;
    }

    private static void requireBody(final byte[] body) throws RestconfException {
        if (body.length == 0) {
            throw RestconfException.malformed("this request needs a body");
        }
    }
}

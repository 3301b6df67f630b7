package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.ModuleEffectiveStatement;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.sdqkd.datastore.YangModels;

/**
 * Parses the API path of a data resource (RFC 8040 section 3.5.3) into a {@link YangInstanceIdentifier}: segments
 * {@code [module:]name[=key,...]} separated by {@code /}, the first one module-qualified, later ones when their
 * module differs from their parent's; key and leaf-list values percent-decoded and read with the RFC 7951 codec of
 * their type (so an identityref key is {@code module:identity}). Choices and cases are not named in the path; lists
 * and leaf-lists must carry their key values.
 */
final class ApiPathParser {
    /** How many parsed paths are kept: a path is parsed once while it is among the recently used ones. */
    private static final int KEPT = 1024;

    private final ModelCodecs codecs;
    private final Cache<String, ApiPath> parsed = CacheBuilder.newBuilder().maximumSize(KEPT).build();

    ApiPathParser(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
    }

    /**
     * Parses a path.
     *
     * @param raw the path below {@code {+restconf}/data}, still percent-encoded, without leading {@code /}; empty
     *            for the datastore root
     * @return the resource
     * @throws RestconfException 400 with the error the first bad segment gives
     */
    ApiPath parse(final String raw) throws RestconfException {
        // a path names the same resource for as long as the models are the same: parse it once (refusals are not kept)
        final ApiPath known = parsed.getIfPresent(raw);
        if (known != null) {
            return known;
        }
        final ApiPath path = parseSegments(raw);
        parsed.put(raw, path);
        return path;
    }

    private ApiPath parseSegments(final String raw) throws RestconfException {
        final SchemaInferenceStack stack = SchemaInferenceStack.of(codecs.context());
        DataSchemaContext current = codecs.tree().getRoot();
        final List<PathArgument> steps = new ArrayList<>();
        if (raw.isEmpty()) {
            return new ApiPath(YangInstanceIdentifier.of(), current, stack.toInference());
        }
        QNameModule module = null;
        final String[] segments = raw.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            final String segment = segments[i];
            if (!(current instanceof DataSchemaContext.Composite composite)) {
                throw invalid("the path goes on below a leaf or leaf-list at segment '" + segment + "'");
            }
            final int equals = segment.indexOf('=');
            final String name = decode(equals < 0 ? segment : segment.substring(0, equals), steps);
            final QName qname = qname(name, module, steps);
            module = qname.getModule();
            final String at = describe(steps);
            DataSchemaContext child = SchemaChildren.find(composite, qname, steps).orElseThrow(() ->
                RestconfException.of(RestconfError.of(ErrorTag.UNKNOWN_ELEMENT, "no data node " + name + " at " + at)));
            stack.enterDataTree(qname);
            final DataSchemaNode node = child.dataSchemaNode();
            final boolean last = i == segments.length - 1;
            if (node instanceof ListSchemaNode list) {
                steps.add(new NodeIdentifier(qname));
                if (equals < 0) {
                    throw invalid("list " + name + " needs its key values in the path (RFC 8040 section 3.5.3)");
                }
                steps.add(entry(list, segment.substring(equals + 1), stack, steps));
                child = ((DataSchemaContext.Composite) child).childByQName(qname);
            } else if (node instanceof LeafListSchemaNode leafList) {
                steps.add(new NodeIdentifier(qname));
                if (equals < 0) {
                    throw invalid("leaf-list " + name + " needs a value in the path (RFC 8040 section 3.5.3)");
                }
                final Object value = value(leafList, decode(segment.substring(equals + 1), steps), stack, steps);
                steps.add(new NodeWithValue<>(qname, value));
                child = ((DataSchemaContext.Composite) child).childByQName(qname);
            } else {
                if (equals >= 0) {
                    throw invalid(name + " is not a list or leaf-list, it takes no value in the path");
                }
                steps.add(new NodeIdentifier(qname));
            }
            if (!last && node instanceof LeafSchemaNode) {
                throw invalid("the path goes on below leaf " + name);
            }
            current = child;
        }
        return new ApiPath(YangInstanceIdentifier.of(steps), current, stack.toInference());
    }

    private NodeIdentifierWithPredicates entry(final ListSchemaNode list, final String rawKeys,
            final SchemaInferenceStack stack, final List<PathArgument> steps) throws RestconfException {
        final List<QName> keys = list.getKeyDefinition();
        if (keys.isEmpty()) {
            throw invalid("list " + list.getQName().getLocalName()
                + " has no keys, so its entries cannot be named in a path");
        }
        final String[] values = rawKeys.split(",", -1);
        if (values.length != keys.size()) {
            throw invalid("list " + list.getQName().getLocalName() + " has " + keys.size()
                + " key(s) " + keys.stream().map(QName::getLocalName).toList() + ", the path gives " + values.length);
        }
        final Map<QName, Object> predicates = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            final QName key = keys.get(k);
            final DataSchemaNode leaf = list.findDataChildByName(key).orElseThrow();
            stack.enterDataTree(key);
            try {
                predicates.put(key, value((TypedDataSchemaNode) leaf, decode(values[k], steps), stack, steps));
            } finally {
                stack.exit();
            }
        }
        return NodeIdentifierWithPredicates.of(list.getQName(), predicates);
    }

    private Object value(final TypedDataSchemaNode node, final String text, final SchemaInferenceStack stack,
            final List<PathArgument> steps) throws RestconfException {
        try {
            final Object value = codecs.json().codecFor(node, stack).parseValue(text);
            if (value == null) {
                throw invalid("'" + text + "' is not a valid value of " + node.getQName().getLocalName());
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw invalid("'" + text + "' is not a valid value of " + node.getQName().getLocalName() + ": "
                + e.getMessage());
        }
    }

    private QName qname(final String name, final QNameModule parent, final List<PathArgument> steps)
            throws RestconfException {
        final int colon = name.indexOf(':');
        final String local = colon < 0 ? name : name.substring(colon + 1);
        final QNameModule module;
        if (colon < 0) {
            if (parent == null) {
                throw invalid("the first node of a path is qualified with its module name, as module:" + name
                    + " (RFC 8040 section 3.5.3)");
            }
            module = parent;
        } else {
            final String moduleName = name.substring(0, colon);
            module = codecs.context().findModuleStatements(moduleName).stream().findFirst()
                .map(ModuleEffectiveStatement::localQNameModule)
                .orElseThrow(() -> RestconfException.of(RestconfError.of(ErrorTag.UNKNOWN_ELEMENT,
                    "no module named " + moduleName + " is loaded")));
        }
        try {
            return QName.create(module, local);
        } catch (IllegalArgumentException e) {
            throw invalid("'" + local + "' is not a YANG identifier");
        }
    }

    private String describe(final List<PathArgument> steps) {
        return steps.isEmpty() ? "the top level"
            : YangModels.dataPath(codecs.context(), YangInstanceIdentifier.of(steps));
    }

    private static RestconfException invalid(final String message) {
        return RestconfException.of(RestconfError.of(ErrorTag.INVALID_VALUE, message));
    }

    /**
     * Percent-decodes one path component (RFC 3986 section 2.1) as UTF-8.
     *
     * @throws RestconfException for a broken escape or bytes that are not UTF-8
     */
    private static String decode(final String text, final List<PathArgument> steps) throws RestconfException {
        if (text.indexOf('%') < 0) {
            return text;
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw invalid("broken percent-encoding in '" + text + "'");
                }
                final int high = Character.digit(text.charAt(i + 1), 16);
                final int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw invalid("broken percent-encoding in '" + text + "'");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                final byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid("percent-encoded bytes that are not UTF-8 in '" + text + "'");
        }
    }
}

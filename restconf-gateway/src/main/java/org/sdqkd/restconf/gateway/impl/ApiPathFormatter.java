package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.codec.gson.JSONCodec;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * Writes a data tree path as an API path (RFC 8040 section 3.5.3), the inverse of {@link ApiPathParser}: for the
 * {@code Location} of a resource a POST created. Key and leaf-list values are written with their RFC 7951 codec
 * and percent-encoded except for unreserved characters and {@code :}.
 */
final class ApiPathFormatter {
    private final ModelCodecs codecs;

    ApiPathFormatter(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
    }

    /**
     * The API path of a data node.
     *
     * @param path the node's data tree path, as {@link ApiPathParser} makes them
     * @return the path below {@code {+restconf}/data}, without leading {@code /}
     */
    String format(final YangInstanceIdentifier path) {
        final StringBuilder text = new StringBuilder();
        final SchemaInferenceStack stack = SchemaInferenceStack.of(codecs.context());
        DataSchemaContext current = codecs.tree().getRoot();
        QNameModule module = null;
        for (PathArgument step : path.getPathArguments()) {
            final DataSchemaContext child = ((DataSchemaContext.Composite) current).childByArg(step);
            if (child == null) {
                throw new IllegalArgumentException("no schema for " + step + " in " + path);
            }
            current = child;
            final QName qname = step.getNodeType();
            if (child.dataSchemaNode() instanceof ChoiceSchemaNode || child instanceof DataSchemaContext.PathMixin
                    && !(step instanceof NodeIdentifierWithPredicates) && !(step instanceof NodeWithValue<?>)) {
                continue;
            }
            stack.enterDataTree(qname);
            if (!text.isEmpty()) {
                text.append('/');
            }
            if (!qname.getModule().equals(module)) {
                text.append(codecs.context().findModuleStatement(qname.getModule()).orElseThrow().argument()
                    .getLocalName()).append(':');
                module = qname.getModule();
            }
            text.append(qname.getLocalName());
            if (step instanceof NodeIdentifierWithPredicates entry) {
                text.append('=');
                final ListSchemaNode list = (ListSchemaNode) child.dataSchemaNode();
                boolean first = true;
                for (QName key : list.getKeyDefinition()) {
                    if (!first) {
                        text.append(',');
                    }
                    first = false;
                    stack.enterDataTree(key);
                    text.append(encode(value((TypedDataSchemaNode) list.findDataChildByName(key).orElseThrow(),
                        entry.getValue(key), stack)));
                    stack.exit();
                }
            } else if (step instanceof NodeWithValue<?> value) {
                text.append('=').append(encode(value((TypedDataSchemaNode) child.dataSchemaNode(), value.getValue(),
                    stack)));
            }
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private String value(final TypedDataSchemaNode node, final Object value, final SchemaInferenceStack stack) {
        return ((JSONCodec<Object>) codecs.json().codecFor(node, stack)).unparseValue(value).rawString();
    }

    private static String encode(final String value) {
        final StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            final char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

}

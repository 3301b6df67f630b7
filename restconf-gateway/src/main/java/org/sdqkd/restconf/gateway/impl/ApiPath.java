package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.util.DataSchemaContext;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveStatementInference;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * A data resource named by an API path (RFC 8040 section 3.5.3): where it is in the data tree and in the schema.
 *
 * @param path      the data tree path; empty for the datastore root ({@code {+restconf}/data})
 * @param schema    the schema context of the node the path names
 * @param inference the schema inference at that node (empty at the root)
 */
record ApiPath(YangInstanceIdentifier path, DataSchemaContext schema, EffectiveStatementInference inference) {
    ApiPath {
        requireNonNull(path);
        requireNonNull(schema);
        requireNonNull(inference);
    }

    /** Whether this is the datastore root. */
    boolean isRoot() {
        return path.isEmpty();
    }

    /** A fresh inference stack at the node, to enter children from or leave. */
    SchemaInferenceStack stack() {
        return SchemaInferenceStack.ofInference(inference);
    }

    /** The inference at the node's parent, where writers of the node start; the root's own at the root. */
    EffectiveStatementInference parentInference() {
        final SchemaInferenceStack stack = stack();
        if (!stack.isEmpty()) {
            stack.exit();
        }
        return stack.toInference();
    }

    /** Whether the node is configuration (RFC 7950 section 7.21.1); the root counts as configuration. */
    boolean isConfiguration() {
        final DataSchemaNode node = schema.dataSchemaNode();
        return node == null || node.effectiveConfig().orElse(Boolean.TRUE);
    }
}

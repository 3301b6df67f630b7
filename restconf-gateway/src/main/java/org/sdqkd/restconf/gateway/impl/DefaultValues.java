package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.ModuleImport;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default values of leaves (RFC 7950 section 7.6.1) and leaf-lists (section 7.7.2), as the values the data tree
 * holds: the default text of the node or its type, read with the node's RFC 7951 codec; an identityref default's YANG
 * prefix is first turned into its module's name. Computed once per node.
 */
final class DefaultValues {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultValues.class);

    private final ModelCodecs codecs;
    private final Map<LeafSchemaNode, Optional<Object>> values = new ConcurrentHashMap<>();
    private final Map<LeafListSchemaNode, List<Object>> lists = new ConcurrentHashMap<>();

    DefaultValues(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
    }

    /**
     * The default value of a leaf.
     *
     * @param leaf the leaf
     * @return its default, empty when it has none (or it cannot be read, which is logged)
     */
    Optional<Object> of(final LeafSchemaNode leaf) {
        return values.computeIfAbsent(leaf, this::compute);
    }

    /**
     * The default values of a leaf-list, which it has when it has no entries (RFC 7950 section 7.7.2).
     *
     * @param leafList the leaf-list
     * @return its defaults in their order, empty when it has none (or one cannot be read, which is logged)
     */
    List<Object> of(final LeafListSchemaNode leafList) {
        return lists.computeIfAbsent(leafList, this::compute);
    }

    private Optional<Object> compute(final LeafSchemaNode leaf) {
        final Optional<? extends Object> text = leaf.getType().getDefaultValue();
        return text.isEmpty() ? Optional.empty() : read(leaf, text.orElseThrow().toString());
    }

    private List<Object> compute(final LeafListSchemaNode leafList) {
        final List<Object> read = new ArrayList<>();
        for (Object text : leafList.getDefaults()) {
            final Optional<Object> value = read(leafList, text.toString());
            if (value.isEmpty()) {
                return List.of();
            }
            read.add(value.orElseThrow());
        }
        return List.copyOf(read);
    }

    private Optional<Object> read(final TypedDataSchemaNode node, final String text) {
        String value = text;
        try {
            if (node.getType() instanceof IdentityrefTypeDefinition) {
                value = withModuleName(node, value);
            }
            final SchemaInferenceStack stack = SchemaInferenceStack.of(codecs.context());
            return Optional.of(codecs.json().codecFor(node, stack).parseValue(value));
        } catch (IllegalArgumentException e) {
            LOG.debug("the default {} of {} cannot be read; with-defaults leaves it alone", value, node.getQName(), e);
            return Optional.empty();
        }
    }

    /** {@code prefix:identity} as RFC 7951 writes it, {@code module:identity}. */
    private String withModuleName(final TypedDataSchemaNode leaf, final String value) {
        final Module module = codecs.context().findModule(leaf.getQName().getModule()).orElseThrow();
        final int colon = value.indexOf(':');
        if (colon < 0) {
            return module.getName() + ":" + value;
        }
        final String prefix = value.substring(0, colon);
        if (prefix.equals(module.getPrefix())) {
            return module.getName() + value.substring(colon);
        }
        for (ModuleImport imported : module.getImports()) {
            if (prefix.equals(imported.getPrefix())) {
                return imported.getModuleName().getLocalName() + value.substring(colon);
            }
        }
        throw new IllegalArgumentException("unknown prefix " + prefix);
    }
}

package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.ModuleImport;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default values of leaves (RFC 7950 section 7.6.1), as the values the data tree holds: the default text of the
 * leaf or its type, read with the leaf's RFC 7951 codec; an identityref default's YANG prefix is first turned into its
 * module's name. Computed once per leaf.
 */
final class DefaultValues {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultValues.class);

    private final ModelCodecs codecs;
    private final Map<LeafSchemaNode, Optional<Object>> values = new ConcurrentHashMap<>();

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

    private Optional<Object> compute(final LeafSchemaNode leaf) {
        final Optional<? extends Object> text = leaf.getType().getDefaultValue();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.orElseThrow().toString();
        try {
            if (leaf.getType() instanceof IdentityrefTypeDefinition) {
                value = withModuleName(leaf, value);
            }
            final SchemaInferenceStack stack = SchemaInferenceStack.of(codecs.context());
            return Optional.of(codecs.json().codecFor(leaf, stack).parseValue(value));
        } catch (IllegalArgumentException e) {
            LOG.debug("the default {} of {} cannot be read; with-defaults leaves it alone", value, leaf.getQName(), e);
            return Optional.empty();
        }
    }

    /** {@code prefix:identity} as RFC 7951 writes it, {@code module:identity}. */
    private String withModuleName(final LeafSchemaNode leaf, final String value) {
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

package org.sdqkd.restconf.gateway.impl.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.ModuleImport;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Int8TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint16TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint32TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.Uint8TypeDefinition;

/**
 * A leaf's YANG default as the JSON value RFC 7951 writes (section 6): a number for integers up to 32 bits, a
 * boolean, {@code module:identity} for an identityref (the module prefix of the YANG text replaced by the module's
 * name), a string otherwise.
 */
final class LeafDefaults {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LeafDefaults() {
        // no instances
    }

    /** The default of a leaf, empty when it has none. */
    static Optional<JsonNode> of(final EffectiveModelContext context, final LeafSchemaNode leaf) {
        final TypeDefinition<?> type = leaf.getType();
        return type.getDefaultValue().map(Object::toString).map(text -> switch (type) {
            case Int8TypeDefinition t -> number(text);
            case Int16TypeDefinition t -> number(text);
            case Int32TypeDefinition t -> number(text);
            case Uint8TypeDefinition t -> number(text);
            case Uint16TypeDefinition t -> number(text);
            case Uint32TypeDefinition t -> number(text);
            case BooleanTypeDefinition t -> JSON.booleanNode(Boolean.parseBoolean(text));
            case IdentityrefTypeDefinition t -> JSON.textNode(withModuleName(context, leaf, text));
            default -> JSON.textNode(text);
        });
    }

    private static JsonNode number(final String text) {
        try {
            return JSON.numberNode(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return JSON.textNode(text);
        }
    }

    private static String withModuleName(final EffectiveModelContext context, final LeafSchemaNode leaf,
            final String value) {
        final Module module = context.findModule(leaf.getQName().getModule()).orElseThrow();
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
        return value;
    }
}

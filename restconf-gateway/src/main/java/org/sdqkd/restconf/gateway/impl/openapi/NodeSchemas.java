package org.sdqkd.restconf.gateway.impl.openapi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.AnydataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AnyxmlSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraintAware;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.SchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

/**
 * The JSON Schemas (RFC 7951 encoding) of containers, list entries, RPC and action inputs and outputs, kept in
 * {@code components/schemas} under names made of their module and path: member names qualified where their module
 * changes (RFC 7951 section 4), keys and mandatory nodes required, lists and leaf-lists as arrays with their element
 * counts. A node that holds state data also gets a {@code .config} variant without it, for request bodies.
 */
final class NodeSchemas {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EffectiveModelContext context;
    private final TypeSchemas types;
    private final ObjectNode components = JSON.objectNode();
    private final Map<List<Object>, String> names = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    NodeSchemas(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
        this.types = new TypeSchemas(context);
    }

    /** The schemas made so far, by name: the document's {@code components/schemas}. */
    ObjectNode components() {
        return components;
    }

    /** The name of a node's module. */
    String moduleName(final QNameModule module) {
        return context.findModule(module).orElseThrow().getName();
    }

    /** The RFC 7951 member name of a node under a parent of a module: qualified when the modules differ. */
    String memberName(final SchemaNode node, final QNameModule parentModule) {
        return node.getQName().getModule().equals(parentModule) ? node.getQName().getLocalName()
            : qualified(node);
    }

    /** {@code module:name}, as every top-level member of a document is written. */
    String qualified(final SchemaNode node) {
        return moduleName(node.getQName().getModule()) + ":" + node.getQName().getLocalName();
    }

    /**
     * A reference to the schema of a container, list entry, input or output, made once.
     *
     * @param node   the node
     * @param path   its schema tree path (choices, cases, input and output included)
     * @param config whether only configuration is wanted (for request bodies)
     * @return a {@code $ref} to it
     */
    ObjectNode reference(final DataNodeContainer node, final List<QName> path, final boolean config) {
        final boolean variant = config && node instanceof DataSchemaNode data && SchemaNodes.holdsState(data);
        final boolean known = names.containsKey(List.of(path, variant));
        final String name = name(path, variant);
        if (!known) {
            components.set(name, objectSchema(node, path, path.get(path.size() - 1).getModule(), config));
        }
        return RestconfComponents.ref("schemas", name);
    }

    /**
     * The component name of a node's schema, the same on every call: its module and path, with {@code .config} for
     * the variant without state data.
     *
     * @param path    the node's schema tree path
     * @param variant whether it is the configuration variant
     * @return the name
     */
    String name(final List<QName> path, final boolean variant) {
        return names.computeIfAbsent(List.of(List.copyOf(path), variant), key -> uniqueName(path, variant));
    }

    private String uniqueName(final List<QName> path, final boolean variant) {
        final StringBuilder name = new StringBuilder(moduleName(path.get(0).getModule()));
        for (QName step : path) {
            name.append('.').append(step.getLocalName());
        }
        if (variant) {
            name.append(".config");
        }
        String unique = name.toString();
        for (int i = 2; !taken.add(unique); i++) {
            unique = name + "." + i;
        }
        return unique;
    }

    private ObjectNode objectSchema(final DataNodeContainer node, final List<QName> path, final QNameModule module,
            final boolean config) {
        final ObjectNode schema = JSON.objectNode().put("type", "object");
        if (node instanceof SchemaNode described) {
            described.getDescription().ifPresent(text -> schema.put("description", text));
        }
        final ObjectNode properties = schema.putObject("properties");
        final ArrayNode required = JSON.arrayNode();
        final List<QName> keys = node instanceof ListSchemaNode list ? list.getKeyDefinition() : List.of();
        for (SchemaNodes.Child child : SchemaNodes.children(node)) {
            final DataSchemaNode data = child.node();
            if (config && !data.isConfiguration()) {
                continue;
            }
            final String member = memberName(data, module);
            properties.set(member, memberSchema(data, child.pathFrom(path), config));
            if (keys.contains(data.getQName()) || !child.inChoice() && SchemaNodes.isMandatory(data)) {
                required.add(member);
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * The schema of a member's value: a reference for a container, an array of references for a list, the type's
     * schema for a leaf, an array of it for a leaf-list.
     *
     * @param node   the node
     * @param path   its schema tree path
     * @param config whether only configuration is wanted
     * @return the schema
     */
    ObjectNode memberSchema(final DataSchemaNode node, final List<QName> path, final boolean config) {
        return switch (node) {
            case ContainerSchemaNode container -> reference(container, path, config);
            case ListSchemaNode list -> array(list, reference(list, path, config));
            case LeafSchemaNode leaf -> leafSchema(leaf, path);
            case LeafListSchemaNode leafList -> array(leafList, leafSchema(leafList, path))
                .put("uniqueItems", leafList.isConfiguration());
            case AnydataSchemaNode anydata -> described(JSON.objectNode(), anydata);
            case AnyxmlSchemaNode anyxml -> described(JSON.objectNode(), anyxml);
            default -> described(JSON.objectNode(), node);
        };
    }

    /** A reference to the schema of a leaf's or leaf-list's value (with its description and default), made once. */
    ObjectNode leafSchema(final TypedDataSchemaNode node, final List<QName> path) {
        final boolean known = names.containsKey(List.of(path, false));
        final String name = name(path, false);
        if (!known) {
            final ObjectNode schema = types.of(node.getType(),
                () -> SchemaInferenceStack.of(context, Absolute.of(path)));
            if (node instanceof LeafSchemaNode leaf) {
                LeafDefaults.of(context, leaf).ifPresent(value -> schema.set("default", value));
            }
            node.getType().getUnits().ifPresent(units -> schema.put("x-yang-units", units));
            components.set(name, described(schema, node));
        }
        return RestconfComponents.ref("schemas", name);
    }

    private static ObjectNode array(final ElementCountConstraintAware node, final ObjectNode items) {
        final ObjectNode schema = JSON.objectNode().put("type", "array");
        schema.set("items", items);
        node.getElementCountConstraint().ifPresent(count -> {
            final Integer min = count.getMinElements();
            if (min != null && min > 0) {
                schema.put("minItems", min);
            }
            final Integer max = count.getMaxElements();
            if (max != null && max < Integer.MAX_VALUE) {
                schema.put("maxItems", max);
            }
        });
        return schema;
    }

    private static ObjectNode described(final ObjectNode schema, final SchemaNode node) {
        node.getDescription().ifPresent(text -> schema.put("description", schema.has("description")
            ? text + "\n\n" + schema.get("description").asText() : text));
        return schema;
    }
}

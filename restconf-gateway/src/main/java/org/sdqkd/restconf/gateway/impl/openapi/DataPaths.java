package org.sdqkd.restconf.gateway.impl.openapi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * The paths of {@code {+restconf}/data} (RFC 8040 sections 3.3.1 and 3.5.3): one per container, list entry (its
 * keys as path parameters in the {@code list=k1,k2} form), leaf and leaf-list entry, with the methods of section 4
 * each allows (state data and keys: GET only), and the actions under them (section 3.6).
 */
final class DataPaths {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final NodeSchemas schemas;
    private final Operations operations;
    private final ObjectNode paths;

    DataPaths(final NodeSchemas schemas, final Operations operations, final ObjectNode paths) {
        this.schemas = requireNonNull(schemas);
        this.operations = requireNonNull(operations);
        this.paths = requireNonNull(paths);
    }

    /**
     * Adds the paths of a top-level data node and everything under it.
     *
     * @param child the node with its schema tree steps
     */
    void addTopLevel(final SchemaNodes.Child child) {
        final Position root = new Position("/data", List.of(), List.of(), Set.of(), null,
            schemas.moduleName(child.node().getQName().getModule()));
        add(root, child);
    }

    private void add(final Position parent, final SchemaNodes.Child child) {
        final DataSchemaNode node = child.node();
        final List<QName> schemaPath = child.pathFrom(parent.schemaPath());
        final String segment = parent.module() == null ? schemas.qualified(node)
            : schemas.memberName(node, parent.module());
        final boolean config = node.isConfiguration();
        switch (node) {
            case ContainerSchemaNode container -> {
                final Position here = parent.child(parent.path() + "/" + segment, schemaPath, List.of(), node);
                item(here).setAll(operations.resource(here, node, config, true));
                children(here, container);
            }
            case ListSchemaNode list -> {
                final List<ObjectNode> keys = new ArrayList<>();
                final List<String> templates = new ArrayList<>();
                for (QName key : list.getKeyDefinition()) {
                    final LeafSchemaNode leaf = (LeafSchemaNode) list.getDataChildByName(key);
                    final String name = parent.parameterName(key.getLocalName(), list.getQName().getLocalName());
                    templates.add("{" + name + "}");
                    final List<QName> keyPath = new ArrayList<>(schemaPath);
                    keyPath.add(key);
                    keys.add(parameter(name, "a key of " + list.getQName().getLocalName(),
                        schemas.leafSchema(leaf, keyPath)));
                }
                final String entry = templates.isEmpty() ? segment : segment + "=" + String.join(",", templates);
                final Position here = parent.child(parent.path() + "/" + entry, schemaPath, keys, node);
                item(here).setAll(operations.resource(here, node, config, true));
                children(here, list);
            }
            case LeafSchemaNode leaf -> {
                final Position here = parent.child(parent.path() + "/" + segment, schemaPath, List.of(), node);
                final boolean key = parent.node() instanceof ListSchemaNode list
                    && list.getKeyDefinition().contains(leaf.getQName());
                item(here).setAll(operations.resource(here, node, config && !key, false));
            }
            case LeafListSchemaNode leafList -> {
                final String name = parent.parameterName(leafList.getQName().getLocalName(), "value");
                final ObjectNode value = parameter(name, "a value of " + leafList.getQName().getLocalName(),
                    schemas.leafSchema(leafList, schemaPath));
                final Position here = parent.child(parent.path() + "/" + segment + "={" + name + "}", schemaPath,
                    List.of(value), node);
                item(here).setAll(operations.resource(here, node, config, false));
            }
            default -> {
                // anydata and anyxml are read and written with their parent
            }
        }
    }

    private void children(final Position here, final DataNodeContainer node) {
        for (SchemaNodes.Child child : SchemaNodes.children(node)) {
            add(here, child);
        }
        if (node instanceof ActionNodeContainer actions) {
            actions.getActions().forEach(action -> {
                final String segment = here.path() + "/" + schemas.qualified(action);
                final List<QName> schemaPath = new ArrayList<>(here.schemaPath());
                schemaPath.add(action.getQName());
                final ObjectNode item = paths.putObject(segment);
                if (!here.parameters().isEmpty()) {
                    item.putArray("parameters").addAll(here.parameters());
                }
                item.set("post", operations.invoke(action, schemaPath, here.tag(), "action " + segment));
            });
        }
    }

    private ObjectNode item(final Position here) {
        final ObjectNode item = paths.putObject(here.path());
        if (!here.parameters().isEmpty()) {
            final ArrayNode parameters = item.putArray("parameters");
            parameters.addAll(here.parameters());
        }
        return item;
    }

    private static ObjectNode parameter(final String name, final String description, final ObjectNode schema) {
        final ObjectNode parameter = JSON.objectNode().put("name", name).put("in", "path").put("required", true)
            .put("description", description + ", percent-encoded (RFC 8040 section 3.5.3)");
        parameter.set("schema", schema);
        return parameter;
    }

    /**
     * Where the walk is.
     *
     * @param path       the path template so far, {@code /data/m:a/b={k}}
     * @param schemaPath the schema tree path of the node
     * @param parameters the path parameters so far
     * @param names      the names of those parameters
     * @param node       the node, {@code null} at the datastore root
     * @param tag        the tag of the operations: the top-level node's module
     */
    record Position(String path, List<QName> schemaPath, List<ObjectNode> parameters, Set<String> names,
            DataSchemaNode node, String tag) {
        Position {
            schemaPath = List.copyOf(schemaPath);
            parameters = List.copyOf(parameters);
            names = Set.copyOf(names);
        }

        /** The module member names below this node are relative to; {@code null} at the root. */
        QNameModule module() {
            return node == null ? null : node.getQName().getModule();
        }

        Position child(final String childPath, final List<QName> childSchemaPath, final List<ObjectNode> added,
                final DataSchemaNode childNode) {
            final List<ObjectNode> all = new ArrayList<>(parameters);
            all.addAll(added);
            final Set<String> allNames = new HashSet<>(names);
            added.forEach(parameter -> allNames.add(parameter.get("name").asText()));
            return new Position(childPath, childSchemaPath, all, allNames, childNode, tag);
        }

        /** A path parameter name not used yet on this path: the name, else qualified by its owner. */
        String parameterName(final String name, final String owner) {
            String unique = names.contains(name) ? owner + "-" + name : name;
            for (int i = 2; names.contains(unique); i++) {
                unique = owner + "-" + name + "-" + i;
            }
            return unique;
        }
    }
}

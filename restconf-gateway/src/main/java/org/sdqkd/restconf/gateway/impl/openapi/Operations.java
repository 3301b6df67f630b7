package org.sdqkd.restconf.gateway.impl.openapi;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.OperationDefinition;

/**
 * The OpenAPI operations of one resource (RFC 8040 section 4): GET of its data wrapped in its module-qualified
 * member; PUT, PATCH and DELETE when it is configuration; POST of a child when it has children; POST of an RPC's or
 * action's input (section 4.4.2). Errors answer the {@code ietf-restconf:errors} response.
 */
final class Operations {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PARAMETERS = "parameters";
    private static final String DESCRIPTION = "description";

    private final NodeSchemas schemas;
    private final ObjectNode responses = JSON.objectNode();
    private final ObjectNode requestBodies = JSON.objectNode();

    Operations(final NodeSchemas schemas) {
        this.schemas = requireNonNull(schemas);
    }

    /** The answers of GET on each resource, by the name of its schema: part of {@code components/responses}. */
    ObjectNode responses() {
        return responses;
    }

    /** The bodies of PUT and PATCH of each resource, by the name of its schema: {@code components/requestBodies}. */
    ObjectNode requestBodies() {
        return requestBodies;
    }

    /**
     * The operations of a data resource.
     *
     * @param here        where it is
     * @param node        its node
     * @param writable    whether it may be written (configuration, not a key)
     * @param hasChildren whether POST may create children in it
     * @return the operations by method
     */
    ObjectNode resource(final DataPaths.Position here, final DataSchemaNode node, final boolean writable,
            final boolean hasChildren) {
        final ObjectNode item = JSON.objectNode();
        final String what = here.path().substring("/data".length());
        final ObjectNode get = operation(here.tag(), "read " + what);
        final ArrayNode getParameters = get.putArray(PARAMETERS);
        getParameters.add(RestconfComponents.ref(PARAMETERS, "content"));
        if (hasChildren) {
            getParameters.add(RestconfComponents.ref(PARAMETERS, "depth"));
            getParameters.add(RestconfComponents.ref(PARAMETERS, "fields"));
        }
        getParameters.add(RestconfComponents.ref(PARAMETERS, "with-defaults"));
        final String name = schemas.name(here.schemaPath(), false);
        responses.set(name, body("the data, wrapped in its module-qualified member", document(here, node, false)));
        final ObjectNode answers = get.putObject("responses");
        answers.set("200", RestconfComponents.ref("responses", name));
        errors(answers, "400", "404");
        item.set("get", get);
        if (!writable) {
            return item;
        }
        requestBodies.set(name, body("the data: the whole resource for PUT, what to merge for PATCH",
            document(here, node, true)).put("required", true));
        final ObjectNode request = RestconfComponents.ref("requestBodies", name);
        final ObjectNode put = operation(here.tag(), "create or replace " + what);
        put.putArray(PARAMETERS).add(RestconfComponents.ref(PARAMETERS, "If-Match"));
        put.set("requestBody", request);
        put.putObject("responses").put("201", JSON.objectNode().put(DESCRIPTION, "created"));
        ((ObjectNode) put.get("responses")).putObject("204").put(DESCRIPTION, "replaced");
        errors((ObjectNode) put.get("responses"), "400", "409", "412");
        item.set("put", put);
        final ObjectNode patch = operation(here.tag(), "merge into " + what + " (it must exist)");
        patch.putArray(PARAMETERS).add(RestconfComponents.ref(PARAMETERS, "If-Match"));
        patch.set("requestBody", request);
        patch.putObject("responses").putObject("204").put(DESCRIPTION, "merged");
        errors((ObjectNode) patch.get("responses"), "400", "404", "412");
        item.set("patch", patch);
        final ObjectNode delete = operation(here.tag(), "delete " + what);
        delete.putArray(PARAMETERS).add(RestconfComponents.ref(PARAMETERS, "If-Match"));
        delete.putObject("responses").putObject("204").put(DESCRIPTION, "deleted");
        errors((ObjectNode) delete.get("responses"), "404", "412");
        item.set("delete", delete);
        if (hasChildren && node instanceof DataNodeContainer container) {
            item.set("post", post(here.tag(), what, SchemaNodes.children(container), here.schemaPath()));
        }
        return item;
    }

    /**
     * POST of one child of a node (RFC 8040 section 4.4.1): the child as the body's only, module-qualified member.
     *
     * @param tag        the operation's tag
     * @param what       the target, for the summary
     * @param children   the parent's children
     * @param schemaPath the parent's schema tree path
     * @return the operation
     */
    ObjectNode post(final String tag, final String what, final List<SchemaNodes.Child> children,
            final List<QName> schemaPath) {
        final ObjectNode child = JSON.objectNode().put("type", "object").put("minProperties", 1)
            .put("maxProperties", 1).put("additionalProperties", false);
        final ObjectNode properties = child.putObject("properties");
        for (SchemaNodes.Child each : children) {
            if (each.node().isConfiguration()) {
                properties.set(schemas.qualified(each.node()), schemas.memberSchema(each.node(),
                    each.pathFrom(schemaPath), true));
            }
        }
        final ObjectNode post = operation(tag, "create a child of " + (what.isEmpty() ? "the datastore" : what));
        post.set("requestBody", body("the new child resource", child).put("required", true));
        final ObjectNode created = post.putObject("responses").putObject("201").put(DESCRIPTION, "created");
        created.putObject("headers").putObject("Location").put(DESCRIPTION, "the new resource")
            .putObject("schema").put("type", "string");
        errors((ObjectNode) post.get("responses"), "400", "409");
        return post;
    }

    /**
     * POST of an RPC or action (RFC 8040 section 4.4.2): the input as {@code module:input}, the output as
     * {@code module:output}.
     *
     * @param operation  the RPC or action
     * @param schemaPath its schema tree path
     * @param tag        the operation's tag
     * @param summary    what it is
     * @return the operation
     */
    ObjectNode invoke(final OperationDefinition operation, final List<QName> schemaPath, final String tag,
            final String summary) {
        final ObjectNode post = operation(tag, summary);
        operation.getDescription().ifPresent(text -> post.put(DESCRIPTION, text));
        final String module = schemas.moduleName(operation.getQName().getModule());
        if (!operation.getInput().getChildNodes().isEmpty()) {
            post.set("requestBody", body("the input", wrapped(module + ":input",
                schemas.reference(operation.getInput(), with(schemaPath, operation.getInput().getQName()), false),
                SchemaNodes.children(operation.getInput()).stream().anyMatch(c -> SchemaNodes.isMandatory(c.node())))));
        }
        final ObjectNode responses = post.putObject("responses");
        if (operation.getOutput().getChildNodes().isEmpty()) {
            responses.putObject("204").put(DESCRIPTION, "done; the operation has no output");
        } else {
            responses.set("200", body("the output", wrapped(module + ":output",
                schemas.reference(operation.getOutput(), with(schemaPath, operation.getOutput().getQName()), false),
                false)));
        }
        errors(responses, "400", "405");
        return post;
    }

    private ObjectNode document(final DataPaths.Position here, final DataSchemaNode node, final boolean config) {
        final String member = schemas.qualified(node);
        return switch (node) {
            case ContainerSchemaNode container -> wrapped(member, schemas.reference(container, here.schemaPath(),
                config), true);
            case ListSchemaNode list -> wrapped(member, one(schemas.reference(list, here.schemaPath(), config)), true);
            case LeafSchemaNode leaf -> wrapped(member, schemas.leafSchema(leaf, here.schemaPath()), true);
            case LeafListSchemaNode leafList -> wrapped(member, one(schemas.leafSchema(leafList, here.schemaPath())),
                true);
            default -> JSON.objectNode();
        };
    }

    private static ObjectNode one(final ObjectNode items) {
        final ObjectNode array = JSON.objectNode().put("type", "array").put("minItems", 1).put("maxItems", 1);
        array.set("items", items);
        return array;
    }

    private static ObjectNode wrapped(final String member, final ObjectNode value, final boolean required) {
        final ObjectNode document = JSON.objectNode().put("type", "object");
        document.putObject("properties").set(member, value);
        if (required) {
            document.putArray("required").add(member);
        }
        return document.put("additionalProperties", false);
    }

    private static ObjectNode operation(final String tag, final String summary) {
        final ObjectNode operation = JSON.objectNode();
        operation.putArray("tags").add(tag);
        return operation.put("summary", summary);
    }

    private static ObjectNode body(final String description, final ObjectNode schema) {
        final ObjectNode body = JSON.objectNode().put(DESCRIPTION, description);
        body.putObject("content").putObject(RestconfComponents.JSON_TYPE).set("schema", schema);
        return body;
    }

    private static void errors(final ObjectNode responses, final String... statuses) {
        for (String status : statuses) {
            responses.set(status, RestconfComponents.ref("responses", RestconfComponents.ERROR_RESPONSE));
        }
        responses.set("default", RestconfComponents.ref("responses", RestconfComponents.ERROR_RESPONSE));
    }

    private static List<QName> with(final List<QName> path, final QName step) {
        final List<QName> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }
}

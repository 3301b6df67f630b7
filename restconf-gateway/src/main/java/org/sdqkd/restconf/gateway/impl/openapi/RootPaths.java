package org.sdqkd.restconf.gateway.impl.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;

/**
 * The resources at and directly under the RESTCONF root (RFC 8040 section 3.3): the root itself, the datastore
 * ({@code {+restconf}/data}: GET of every top-level node, POST of a new one), the operations list and the YANG
 * library version.
 */
final class RootPaths {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String TAG = "restconf";
    private static final String DESCRIPTION = "description";

    private RootPaths() {
        // no instances
    }

    /**
     * Adds the root resources.
     *
     * @param paths      the document's paths
     * @param schemas    the node schemas
     * @param operations the operations builder
     * @param modules    the served modules
     */
    static void add(final ObjectNode paths, final NodeSchemas schemas, final Operations operations,
            final List<Module> modules) {
        final ObjectNode restconf = JSON.objectNode().put("type", "object");
        final ObjectNode root = restconf.putObject("properties").putObject("ietf-restconf:restconf")
            .put("type", "object");
        final ObjectNode rootMembers = root.putObject("properties");
        rootMembers.putObject("data").put("type", "object");
        rootMembers.putObject("operations").put("type", "object");
        rootMembers.putObject("yang-library-version").put("type", "string");
        paths.putObject("/").set("get", read("the API root (RFC 8040 section 3.3)", restconf));

        final ObjectNode version = JSON.objectNode().put("type", "object");
        version.putObject("properties").putObject("ietf-restconf:yang-library-version").put("type", "string");
        paths.putObject("/yang-library-version").set("get", read("the YANG library revision (3.3.3)", version));

        final ObjectNode data = JSON.objectNode().put("type", "object");
        final ObjectNode all = data.putObject("properties").putObject("ietf-restconf:data").put("type", "object")
            .put("additionalProperties", false);
        final ObjectNode topLevel = all.putObject("properties");
        final ObjectNode operationNames = JSON.objectNode();
        final ObjectNode list = JSON.objectNode().put("type", "array");
        list.putObject("items").put("type", "null");
        for (Module module : modules) {
            for (SchemaNodes.Child child : SchemaNodes.children(module)) {
                topLevel.set(schemas.qualified(child.node()), schemas.memberSchema(child.node(), child.steps(),
                    false));
            }
            for (RpcDefinition rpc : module.getRpcs()) {
                operationNames.set(schemas.qualified(rpc), list);
            }
        }
        final ObjectNode datastore = paths.putObject("/data");
        final ObjectNode get = read("every top-level data node (RFC 8040 section 3.3.1)", data);
        get.putArray("parameters").add(RestconfComponents.ref("parameters", "content"))
            .add(RestconfComponents.ref("parameters", "depth")).add(RestconfComponents.ref("parameters", "fields"))
            .add(RestconfComponents.ref("parameters", "with-defaults"));
        datastore.set("get", get);
        datastore.set("post", operations.post(TAG, "", modules.stream()
            .flatMap(module -> SchemaNodes.children(module).stream()).toList(), List.of()));

        final ObjectNode listed = JSON.objectNode().put("type", "object");
        listed.putObject("properties").putObject("ietf-restconf:operations").put("type", "object")
            .set("properties", operationNames);
        paths.putObject("/operations").set("get", read("the RPCs (RFC 8040 section 3.3.2)", listed));
    }

    private static ObjectNode read(final String summary, final ObjectNode schema) {
        final ObjectNode get = JSON.objectNode();
        get.putArray("tags").add(TAG);
        get.put("summary", summary);
        final ObjectNode responses = get.putObject("responses");
        final ObjectNode ok = responses.putObject("200").put(DESCRIPTION, "the resource");
        ok.putObject("content").putObject(RestconfComponents.JSON_TYPE).set("schema", schema);
        responses.set("default", RestconfComponents.ref("responses", RestconfComponents.ERROR_RESPONSE));
        return get;
    }
}

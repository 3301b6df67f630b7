package org.sdqkd.restconf.gateway.impl.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parts of the document every data resource shares: the {@code ietf-restconf:errors} schema (RFC 8040 section
 * 8, the yang-data {@code yang-errors} in RFC 7951 JSON) and the error responses built on it, and the query
 * parameters and conditional-request headers the gateway takes (sections 4.8, 3.4.1.1).
 */
final class RestconfComponents {
    /** The media type of RESTCONF JSON bodies (RFC 8040 section 11.3.2). */
    static final String JSON_TYPE = "application/yang-data+json";
    /** The name of the errors schema. */
    static final String ERRORS = "ietf-restconf.errors";
    /** The name of the errors response. */
    static final String ERROR_RESPONSE = "errors";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RestconfComponents() {
        // no instances
    }

    /** A {@code $ref} to a component. */
    static ObjectNode ref(final String kind, final String name) {
        return JSON.objectNode().put("$ref", "#/components/" + kind + "/" + name);
    }

    /** The schema of an {@code ietf-restconf:errors} body. */
    static ObjectNode errorsSchema() {
        final ObjectNode error = JSON.objectNode().put("type", "object");
        final ObjectNode properties = error.putObject("properties");
        final ArrayNode types = properties.putObject("error-type").put("type", "string").putArray("enum");
        types.add("transport").add("rpc").add("protocol").add("application");
        properties.putObject("error-tag").put("type", "string")
            .put("description", "the error-tag of RFC 8040 section 7, such as invalid-value or data-missing");
        properties.putObject("error-app-tag").put("type", "string");
        properties.putObject("error-path").put("type", "string")
            .put("description", "the instance-identifier of the node in error (RFC 7951 section 6.11)");
        properties.putObject("error-message").put("type", "string");
        properties.putObject("error-info").put("type", "object");
        error.putArray("required").add("error-type").add("error-tag");
        error.put("additionalProperties", false);

        final ObjectNode errors = JSON.objectNode().put("type", "object");
        final ObjectNode list = errors.putObject("properties").putObject("error").put("type", "array");
        list.set("items", error);
        list.put("minItems", 1);
        errors.put("additionalProperties", false);

        final ObjectNode document = JSON.objectNode().put("type", "object")
            .put("description", "ietf-restconf:errors (RFC 8040 sections 7.1 and 8)");
        document.putObject("properties").set("ietf-restconf:errors", errors);
        document.putArray("required").add("ietf-restconf:errors");
        document.put("additionalProperties", false);
        return document;
    }

    /** The error responses, by name. */
    static ObjectNode responses() {
        final ObjectNode responses = JSON.objectNode();
        final ObjectNode errors = responses.putObject(ERROR_RESPONSE)
            .put("description", "an error (RFC 8040 section 7) with an ietf-restconf:errors body");
        errors.putObject("content").putObject(JSON_TYPE).set("schema", ref("schemas", ERRORS));
        return responses;
    }

    /** The query parameters of GET on data and the conditional-request headers, by name. */
    static ObjectNode parameters() {
        final ObjectNode parameters = JSON.objectNode();
        final ObjectNode content = query(parameters, "content", "config, nonconfig or all data (RFC 8040 4.8.1)");
        content.putObject("schema").put("type", "string").putArray("enum").add("config").add("nonconfig").add("all");
        final ObjectNode depth = query(parameters, "depth", "how many levels to answer (RFC 8040 4.8.2)");
        final ArrayNode depths = depth.putObject("schema").putArray("anyOf");
        depths.addObject().put("type", "string").putArray("enum").add("unbounded");
        depths.addObject().put("type", "integer").put("minimum", 1).put("maximum", 65_535);
        query(parameters, "fields", "the descendants to answer, such as a/b;c(d;e) (RFC 8040 4.8.3)")
            .putObject("schema").put("type", "string");
        final ObjectNode defaults = query(parameters, "with-defaults",
            "how default values are reported (RFC 8040 4.8.9, RFC 6243)");
        defaults.putObject("schema").put("type", "string").putArray("enum").add("explicit").add("trim")
            .add("report-all");
        final ObjectNode ifMatch = parameters.putObject("If-Match").put("name", "If-Match").put("in", "header")
            .put("description", "the entity-tag the resource must still have (RFC 8040 3.4.1.1); 412 otherwise");
        ifMatch.putObject("schema").put("type", "string");
        return parameters;
    }

    private static ObjectNode query(final ObjectNode parameters, final String name, final String description) {
        return parameters.putObject(name).put("name", name).put("in", "query").put("description", description);
    }
}

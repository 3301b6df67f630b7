package org.sdqkd.restconf.gateway.impl.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;

/**
 * The OpenAPI 3.1 document of a gateway's served models, written with Jackson: the RFC 8040 resources of every data
 * node, RPC and action, relative to the server URL {@code /restconf}, with RFC 7951 JSON schemas. It is built once
 * per model context, on first use, and kept as bytes while the context lives.
 */
public final class OpenApiDocument {
    /** The OpenAPI version the document follows. */
    public static final String VERSION = "3.1.0";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<EffectiveModelContext, byte[]> CACHE = new WeakHashMap<>();

    private OpenApiDocument() {
        // no instances
    }

    /**
     * The document of some models, built on the first call for them.
     *
     * @param context the served models
     * @return the document, UTF-8 JSON; callers must not change the array
     */
    public static byte[] of(final EffectiveModelContext context) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(context, OpenApiDocument::write);
        }
    }

    private static byte[] write(final EffectiveModelContext context) {
        try {
            return MAPPER.writeValueAsBytes(build(context));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Builds the document of some models.
     *
     * @param context the served models
     * @return the document as a JSON tree
     */
    static ObjectNode build(final EffectiveModelContext context) {
        final List<Module> modules = context.getModules().stream()
            .sorted(Comparator.comparing(Module::getName)).map(Module.class::cast).toList();
        final ObjectNode document = JSON.objectNode().put("openapi", VERSION);
        document.putObject("info").put("title", "RESTCONF (RFC 8040) API of the served YANG modules")
            .put("version", modelVersion(modules))
            .put("description", "Generated from the YANG modules this server serves. Bodies are RFC 7951 JSON "
                + "(application/yang-data+json); every resource also answers RFC 7950 XML "
                + "(application/yang-data+xml). Responses to GET with the depth, fields or content parameters may "
                + "leave out members the schemas require.");
        document.putArray("servers").addObject().put("url", "/restconf");
        final ArrayNode tags = document.putArray("tags");
        tags.addObject().put("name", "restconf").put("description", "The RESTCONF root resources (RFC 8040 3.3).");
        final ObjectNode paths = document.putObject("paths");
        final NodeSchemas schemas = new NodeSchemas(context);
        final Operations operations = new Operations(schemas);
        final DataPaths data = new DataPaths(schemas, operations, paths);
        RootPaths.add(paths, schemas, operations, modules);
        for (Module module : modules) {
            final List<SchemaNodes.Child> topLevel = SchemaNodes.children(module);
            if (topLevel.isEmpty() && module.getRpcs().isEmpty()) {
                continue;
            }
            final ObjectNode tag = tags.addObject().put("name", module.getName());
            module.getDescription().ifPresent(text -> tag.put("description", firstSentence(text)));
            topLevel.forEach(data::addTopLevel);
            for (RpcDefinition rpc : module.getRpcs()) {
                final String path = "/operations/" + module.getName() + ":" + rpc.getQName().getLocalName();
                paths.putObject(path).set("post", operations.invoke(rpc, List.of(rpc.getQName()), module.getName(),
                    "RPC " + module.getName() + ":" + rpc.getQName().getLocalName()));
            }
        }
        final ObjectNode components = document.putObject("components");
        final ObjectNode componentSchemas = components.putObject("schemas");
        componentSchemas.set(RestconfComponents.ERRORS, RestconfComponents.errorsSchema());
        componentSchemas.setAll(schemas.components());
        components.set("responses", RestconfComponents.responses().setAll(operations.responses()));
        components.set("requestBodies", operations.requestBodies());
        components.set("parameters", RestconfComponents.parameters());
        return document;
    }

    private static String firstSentence(final String text) {
        final String flat = text.strip().replaceAll("\\s+", " ");
        final int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }

    /** A digest of the module names and revisions: it changes when the served models do. */
    private static String modelVersion(final List<Module> modules) {
        final String names = modules.stream()
            .map(module -> module.getName() + "@" + module.getRevision().map(Object::toString).orElse(""))
            .collect(Collectors.joining(","));
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(names.getBytes(StandardCharsets.UTF_8));
            return "models-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

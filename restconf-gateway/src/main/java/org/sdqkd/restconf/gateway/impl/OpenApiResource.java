package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.restconf.gateway.impl.openapi.OpenApiDocument;

/**
 * The OpenAPI document of the served models ({@code /restconf/openapi.json}, also at {@code /openapi.json}) and the
 * API explorer ({@code /restconf/explorer/}): Swagger UI's files served from its webjar on the class path, with a
 * page of ours that loads the document. Nothing is fetched from elsewhere.
 */
final class OpenApiResource {
    /** The document's path. */
    static final String DOCUMENT = "/restconf/openapi.json";
    /** The document's path at the server's root, where many OpenAPI tools look first. */
    static final String ROOT_DOCUMENT = "/openapi.json";
    /** The explorer's path; its page is this path with or without a trailing slash. */
    static final String EXPLORER = "/restconf/explorer";

    private static final String OWN = "/org/sdqkd/restconf/gateway/impl/explorer/";
    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8", "png", "image/png", "html", "text/html; charset=utf-8");

    private final EffectiveModelContext context;
    private final Map<String, Optional<Document>> files = new ConcurrentHashMap<>();
    private volatile byte[] gzippedDocument;

    /**
     * A static document.
     *
     * @param mediaType its media type
     * @param content   its bytes
     */
    record Document(String mediaType, byte[] content) {
        Document {
            requireNonNull(mediaType);
            requireNonNull(content);
        }
    }

    OpenApiResource(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    /**
     * Answers a request for one of these resources (GET, HEAD and OPTIONS; the document gzipped when the client
     * takes it).
     *
     * @param request  the request
     * @param response its response
     * @param callback completes the response
     * @param allow    the methods to name in {@code Allow}
     * @return whether the request was for one of these resources (and answered)
     * @throws RestconfException 405 for another method
     */
    boolean answer(final Request request, final Response response, final Callback callback, final String allow)
            throws RestconfException {
        final String path = request.getHttpURI().getPath();
        final Optional<Document> document = find(path);
        if (document.isEmpty()) {
            return false;
        }
        final String method = request.getMethod();
        final Optional<Document> gzipped = "GET".equals(method) || "HEAD".equals(method)
            ? gzipped(path, request.getHeaders().get(HttpHeader.ACCEPT_ENCODING)) : Optional.empty();
        if (gzipped.isPresent()) {
            response.getHeaders().put(HttpHeader.VARY, HttpHeader.ACCEPT_ENCODING.asString());
            response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        final Document answer = gzipped.orElse(document.orElseThrow());
        ReadOnlyAnswer.send(method, response, callback, answer.mediaType(), answer.content(), allow);
        return true;
    }

    /**
     * The OpenAPI document gzipped (RFC 9110 section 8.4.1.3), for a client whose {@code Accept-Encoding} takes gzip:
     * a tenth of its size or less. Compressed once.
     *
     * @param path           the request's path
     * @param acceptEncoding the request's {@code Accept-Encoding}, or {@code null}
     * @return the gzipped document; empty for another path or a client that does not take gzip
     */
    private Optional<Document> gzipped(final String path, final String acceptEncoding) {
        if (!DOCUMENT.equals(path) && !ROOT_DOCUMENT.equals(path) || !acceptsGzip(acceptEncoding)) {
            return Optional.empty();
        }
        byte[] gzipped = gzippedDocument;
        if (gzipped == null) {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(OpenApiDocument.of(context));
            } catch (IOException e) {
                throw new UncheckedIOException("compressing in memory failed", e);
            }
            gzipped = out.toByteArray();
            gzippedDocument = gzipped;
        }
        return Optional.of(new Document("application/json", gzipped));
    }

    private static boolean acceptsGzip(final String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            final String[] parts = coding.split(";");
            if ("gzip".equalsIgnoreCase(parts[0].strip())) {
                return parts.length < 2 || !parts[1].strip().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /**
     * The document at a path, if the path is one of these resources.
     *
     * @param path the request's path
     * @return the document; empty when the path is not one of these resources
     */
    private Optional<Document> find(final String path) {
        if (DOCUMENT.equals(path) || ROOT_DOCUMENT.equals(path)) {
            return Optional.of(new Document("application/json", OpenApiDocument.of(context)));
        }
        if (EXPLORER.equals(path) || (EXPLORER + "/").equals(path)) {
            return file("index.html");
        }
        if (path.startsWith(EXPLORER + "/")) {
            final String name = path.substring(EXPLORER.length() + 1);
            return FILE.matcher(name).matches() ? file(name) : Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<Document> file(final String name) {
        return files.computeIfAbsent(name, OpenApiResource::load);
    }

    /** Our page and initializer, else Swagger UI's file of that name (its own page and initializer are not served). */
    private static Optional<Document> load(final String name) {
        final int dot = name.lastIndexOf('.');
        final String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null) {
            return Optional.empty();
        }
        final boolean own = "index.html".equals(name) || "explorer-initializer.js".equals(name);
        if (!own && ("swagger-initializer.js".equals(name) || name.endsWith(".html"))) {
            return Optional.empty();
        }
        final String resource = own ? OWN + name : "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/"
            + name;
        try (InputStream in = OpenApiResource.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new Document(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("the class path resource " + resource + " could not be read", e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI's webjar is not on the class path");
            }
            final Properties properties = new Properties();
            properties.load(in);
            return requireNonNull(properties.getProperty("version"), "the webjar names no version");
        } catch (IOException e) {
            throw new UncheckedIOException("Swagger UI's webjar could not be read", e);
        }
    }
}

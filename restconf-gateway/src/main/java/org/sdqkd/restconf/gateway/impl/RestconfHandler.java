package org.sdqkd.restconf.gateway.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.sdqkd.datastore.Datastores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's Jetty handler: {@code /.well-known/host-meta} (RFC 8040 section 3.1) and the {@code {+restconf}/data}
 * resources (section 3.3.1, methods of section 4), with the errors of section 7 in the encoding the client accepts.
 * Request bodies larger than the limit answer 413 before they are read whole.
 */
final class RestconfHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(RestconfHandler.class);
    private static final String ROOT = "/restconf";
    private static final String DATA = ROOT + "/data";
    private static final String VERSION = ROOT + "/yang-library-version";
    private static final String OPERATIONS = ROOT + "/operations";
    private static final String MODULES = ROOT + "/" + SchemaResource.SEGMENT + "/";
    private static final String HOST_META = "/.well-known/host-meta";
    private static final String READ_ONLY = "GET, HEAD, OPTIONS";
    private static final String ACCEPT_PATCH = Encoding.JSON.mediaType() + ", " + Encoding.XML.mediaType() + ", "
        + YangPatchResource.JSON_TYPE + ", " + YangPatchResource.XML_TYPE;

    private final ApiPathParser parser;
    private final DataResource data;
    private final SchemaResource schemas;
    private final OperationsResource operations;
    private final YangPatchResource yangPatch;
    private final OpenApiResource openApi;
    private final BodyWriter writer;
    private final ErrorWriter errors;
    private final int maxBody;

    /**
     * A handler serving a datastore's running configuration.
     *
     * @param datastores the datastores
     * @param models     the served models (the datastores' and the gateway's own)
     * @param sources    the YANG texts of the models
     * @param maxBody    the largest request body accepted, in bytes
     * @param clock      when the data last changed
     */
    RestconfHandler(final Datastores datastores, final ModelCodecs models, final ModuleSources sources,
            final int maxBody, final ModificationClock clock) {
        this.parser = new ApiPathParser(models);
        this.data = new DataResource(datastores, models, clock,
            new GatewayState(models.context(), sources, Capabilities.announced()));
        this.schemas = new SchemaResource(models.context(), sources);
        this.operations = new OperationsResource(models.context());
        this.yangPatch = new YangPatchResource(data, parser, models);
        this.openApi = new OpenApiResource(models.context());
        this.writer = new BodyWriter(models);
        this.errors = new ErrorWriter(models);
        this.maxBody = maxBody;
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback) {
        final String path = request.getHttpURI().getPath();
        final String method = request.getMethod();
        Encoding answerEncoding = Encoding.JSON;
        try {
            if (HOST_META.equals(path)) {
                hostMeta(method, response, callback);
                return true;
            }
            if (!DATA.equals(path) && !path.startsWith(DATA + "/") && !queryOf(request).isEmpty()) {
                throw QueryParameters.invalid("this resource takes no query parameters");
            }
            if (openApi.answer(request, response, callback, READ_ONLY)) {
                return true;
            }
            if (path.startsWith(MODULES)) {
                ReadOnlyAnswer.send(method, response, callback, SchemaResource.MEDIA_TYPE,
                    schemas.text(path.substring(MODULES.length())), allowedAt(path));
                return true;
            }
            answerEncoding = Encoding.ofAccept(request.getHeaders().get(HttpHeader.ACCEPT));
            if (ROOT.equals(path) || VERSION.equals(path)) {
                ReadOnlyAnswer.send(method, response, callback, answerEncoding.mediaType(), ROOT.equals(path)
                    ? RootResource.root(answerEncoding) : RootResource.version(answerEncoding), allowedAt(path));
                return true;
            }
            if (OPERATIONS.equals(path) || path.startsWith(OPERATIONS + "/")) {
                final Optional<String> name = path.length() > OPERATIONS.length() + 1
                    ? Optional.of(URLDecoder.decode(path.substring(OPERATIONS.length() + 1), StandardCharsets.UTF_8))
                    : Optional.empty();
                if ("POST".equals(method) && name.isPresent()) {
                    operations.invoke(name.orElseThrow());
                }
                ReadOnlyAnswer.send(method, response, callback, answerEncoding.mediaType(),
                    operations.read(name, answerEncoding), allowedAt(path));
                return true;
            }
            if (!DATA.equals(path) && !path.startsWith(DATA + "/")) {
                throw new RestconfException(404, RestconfError.of(ErrorTag.INVALID_VALUE,
                    "no RESTCONF resource at " + path));
            }
            final String apiPath = path.length() <= DATA.length() + 1 ? "" : path.substring(DATA.length() + 1);
            final ApiPath target = parser.parse(apiPath);
            final Optional<Encoding> patchEncoding = "PATCH".equals(method)
                ? yangPatchEncoding(request.getHeaders().get(HttpHeader.CONTENT_TYPE)) : Optional.empty();
            if (patchEncoding.isPresent()) {
                QueryParameters.of(queryOf(request), method);
                DataResource.requireConfiguration(target);
                final YangPatchResource.Outcome outcome = yangPatch.apply(apiPath, target, patchEncoding.orElseThrow(),
                    body(request), conditions(request));
                outcome.headers().forEach((name, value) -> response.getHeaders().put(name, value));
                final byte[] document = outcome.body().write(answerEncoding, errors);
                response.setStatus(outcome.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, answerEncoding.mediaType());
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) document.length);
                response.write(true, ByteBuffer.wrap(document), callback);
                return true;
            }
            final Answer answer = dispatch(method, target, request, answerEncoding);
            send(request, response, callback, answer, answerEncoding, "HEAD".equals(method));
        } catch (RestconfException e) {
            drain(request);
            sendErrors(response, callback, e, answerEncoding, "HEAD".equals(method), allowedAt(path));
        } catch (IOException e) {
            LOG.debug("{} {}: the request could not be read", method, path, e);
            sendErrors(response, callback, RestconfException.malformed("the request body could not be read"),
                answerEncoding, false, allowedAt(path));
        } catch (RuntimeException e) {
            // the request boundary: a bug must still answer with an RFC 8040 error, and be logged
            LOG.error("{} {} failed", method, path, e);
            sendErrors(response, callback, new RestconfException(500, RestconfError.of(ErrorTag.OPERATION_FAILED,
                "internal error: " + e.getClass().getSimpleName())), answerEncoding, "HEAD".equals(method),
                allowedAt(path));
        }
        return true;
    }

    private Answer dispatch(final String method, final ApiPath target, final Request request,
            final Encoding answerEncoding) throws RestconfException, IOException {
        final Conditions conditions = conditions(request);
        final QueryParameters query = QueryParameters.of(queryOf(request), method);
        return switch (method) {
            case "GET", "HEAD" -> data.get(target, conditions, query, restconfRoot(request));
            case "OPTIONS" -> Answer.of(200, Map.of("Allow", allowed(target), "Accept-Patch", ACCEPT_PATCH));
            case "DELETE" -> data.delete(target, conditions);
            case "PUT", "PATCH", "POST" -> {
                final Encoding bodyEncoding = Encoding.ofContentType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
                final byte[] body = body(request);
                if ("POST".equals(method)) {
                    yield data.post(target, bodyEncoding, body, conditions,
                        restconfRoot(request) + "/data");
                }
                requireResource(target, method);
                yield "PUT".equals(method) ? data.put(target, bodyEncoding, body, conditions)
                    : data.patch(target, bodyEncoding, body, conditions);
            }
            default -> throw new RestconfException(405, RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED,
                "method " + method + " is not allowed here; allowed: " + allowed(target)));
        };
    }

    private static Conditions conditions(final Request request) throws RestconfException {
        return Conditions.of(request.getHeaders().get(HttpHeader.IF_MATCH),
            request.getHeaders().get(HttpHeader.IF_NONE_MATCH), request.getHeaders().get(HttpHeader.IF_MODIFIED_SINCE),
            request.getHeaders().get(HttpHeader.IF_UNMODIFIED_SINCE));
    }

    /** The encoding of a YANG Patch body (RFC 8072 section 4.2.1), empty for another media type. */
    private static Optional<Encoding> yangPatchEncoding(final String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        final String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case YangPatchResource.JSON_TYPE -> Optional.of(Encoding.JSON);
            case YangPatchResource.XML_TYPE -> Optional.of(Encoding.XML);
            default -> Optional.empty();
        };
    }

    /** The decoded query parameters; 400 when the query cannot be decoded. */
    private static Fields queryOf(final Request request) throws RestconfException {
        try {
            return Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("the query cannot be decoded: " + e.getMessage());
        }
    }

    /** The RESTCONF root as the client reached it, {@code scheme://authority/restconf}. */
    private static String restconfRoot(final Request request) {
        return request.getHttpURI().getScheme() + "://" + request.getHttpURI().getAuthority() + ROOT;
    }

    /** What a 405 answer's {@code Allow} names: the read-only resources' methods, or every data method. */
    private static String allowedAt(final String path) {
        if (path.startsWith(OPERATIONS + "/")) {
            return "GET, HEAD, POST, OPTIONS";
        }
        return path.startsWith(DATA) ? "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" : READ_ONLY;
    }

    private static void requireResource(final ApiPath target, final String method) throws RestconfException {
        if (target.isRoot()) {
            throw new RestconfException(405, RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED,
                method + " of the whole datastore is not supported yet; use POST to create top-level nodes"));
        }
    }

    private static String allowed(final ApiPath target) {
        if (target.isRoot()) {
            return "GET, HEAD, POST, OPTIONS";
        }
        return target.isConfiguration() ? "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" : "GET, HEAD, OPTIONS";
    }

    private byte[] body(final Request request) throws RestconfException, IOException {
        final long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBody) {
            throw tooLarge();
        }
        final byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(maxBody + 1);
        }
        if (body.length > maxBody) {
            throw tooLarge();
        }
        return body;
    }

    private RestconfException tooLarge() {
        return new RestconfException(413, RestconfError.of(ErrorTag.TOO_BIG,
            "the request body is larger than " + maxBody + " bytes"));
    }

    /** Reads what is left of a refused request's small body so the connection can stay open. */
    private static void drain(final Request request) {
        final long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared <= 0 || declared > 65_536) {
            return;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            in.skipNBytes(Math.min(declared, in.available()));
        } catch (IOException e) {
            LOG.debug("the refused request's body could not be read", e);
        }
    }

    private void send(final Request request, final Response response, final Callback callback, final Answer answer,
            final Encoding encoding, final boolean head) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (answer.body().isEmpty()) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        writer.write(answer.body().orElseThrow().target(), answer.body().orElseThrow().data(), encoding, out);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, encoding.mediaType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) out.size());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(out.toByteArray()), callback);
    }

    private void sendErrors(final Response response, final Callback callback, final RestconfException failure,
            final Encoding encoding, final boolean head, final String allow) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            errors.write(failure.errors(), encoding, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        response.setStatus(failure.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, encoding.mediaType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) out.size());
        if (failure.status() == 405) {
            response.getHeaders().put(HttpHeader.ALLOW, allow);
        }
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(out.toByteArray()), callback);
    }

    private static void hostMeta(final String method, final Response response, final Callback callback)
            throws RestconfException {
        ReadOnlyAnswer.send(method, response, callback, HostMeta.MEDIA_TYPE, HostMeta.document(ROOT), READ_ONLY);
    }
}

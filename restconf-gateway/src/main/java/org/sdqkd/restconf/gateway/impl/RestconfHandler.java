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
    private static final String STREAMS = ROOT + "/" + StreamResource.SEGMENT + "/";
    private static final String HOST_META = "/.well-known/host-meta";
    private static final String READ_ONLY = "GET, HEAD, OPTIONS";
    /** The request attribute marking a request to the read-only operational datastore (RFC 8527). */
    private static final String READ_ONLY_DATASTORE = RestconfHandler.class.getName() + ".readOnlyDatastore";
    private static final String ACCEPT_PATCH = Encoding.JSON.mediaType() + ", " + Encoding.XML.mediaType() + ", "
        + YangPatchResource.JSON_TYPE + ", " + YangPatchResource.XML_TYPE;

    private final ApiPathParser parser;
    private final DataResource data;
    private final SchemaResource schemas;
    private final OperationsResource operations;
    private final YangPatchResource yangPatch;
    private final OpenApiResource openApi;
    private final WholeDatastore datastore;
    private final OperationRequests calls;
    private final TfsUpsert upsert;
    private final BodyWriter writer;
    private final ErrorWriter errors;
    private final StreamResource streams;
    private final int maxBody;
    private final BodyDepth depth;
    private final Optional<MountResource> mounts;

    /**
     * A handler serving a datastore's running configuration.
     *
     * @param datastores the datastores
     * @param models     the served models (the datastores' and the gateway's own)
     * @param sources    the YANG texts of the models
     * @param maxBody    the largest request body accepted, in bytes
     * @param maxDepth   the deepest nesting of a JSON or XML body accepted
     * @param clock      when the data last changed
     * @param registry   the implementations of RPCs and actions
     * @param stream     the event stream
     * @param streams    its resources
     */
    RestconfHandler(final Datastores datastores, final ModelCodecs models, final ModuleSources sources,
            final int maxBody, final int maxDepth, final ModificationClock clock, final OperationRegistry registry,
            final NotificationStream stream, final StreamResource streams) {
        this(datastores, models, sources, maxBody, maxDepth, clock, registry, stream, streams, MountSettings.NONE);
    }

    /**
     * A handler serving a datastore's running configuration and the devices mounted below its data nodes.
     *
     * @param datastores the datastores
     * @param models     the served models (the datastores' and the gateway's own)
     * @param sources    the YANG texts of the models
     * @param maxBody    the largest request body accepted, in bytes
     * @param maxDepth   the deepest nesting of a JSON or XML body accepted
     * @param clock      when the data last changed
     * @param registry   the implementations of RPCs and actions
     * @param stream     the event stream
     * @param streams    its resources
     * @param mounts     the mounted devices, if any ({@code yang-ext:mount})
     */
    RestconfHandler(final Datastores datastores, final ModelCodecs models, final ModuleSources sources,
            final int maxBody, final int maxDepth, final ModificationClock clock, final OperationRegistry registry,
            final NotificationStream stream, final StreamResource streams, final MountSettings mounts) {
        this.parser = new ApiPathParser(models);
        this.mounts = mounts.points().map(points -> new MountResource(models, parser, points, mounts.timeout()));
        this.data = new DataResource(datastores, models, clock, new GatewayState(models.context(), sources,
            Capabilities.announced(stream.replaySupported()), stream));
        this.streams = streams;
        this.schemas = new SchemaResource(models.context(), sources);
        this.operations = new OperationsResource(models.context());
        this.yangPatch = new YangPatchResource(data, parser, models);
        this.openApi = new OpenApiResource(models.context());
        this.datastore = new WholeDatastore(data, models);
        this.calls = new OperationRequests(models, registry, parser, data);
        this.upsert = new TfsUpsert(data, models);
        this.writer = new BodyWriter(models);
        this.errors = new ErrorWriter(models);
        this.maxBody = maxBody;
        this.depth = new BodyDepth(maxDepth, new XmlInput());
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback) {
        String path = request.getHttpURI().getPath();
        final String method = request.getMethod();
        Encoding answerEncoding = Encoding.JSON;
        try {
            if (path.startsWith(NmdaDatastores.DS)) {
                answerEncoding = Encoding.ofAccept(request.getHeaders().get(HttpHeader.ACCEPT));
                if (NmdaDatastores.isOperational(path)) {
                    request.setAttribute(READ_ONLY_DATASTORE, Boolean.TRUE);
                }
                path = NmdaDatastores.dataPath(path, method);
            }
            if (HOST_META.equals(path)) {
                hostMeta(method, response, callback);
                return true;
            }
            if (path.startsWith(STREAMS)) {
                answerEncoding = StreamResource.encodingAt(path.substring(STREAMS.length()));
                streams.handle(request, response, callback, answerEncoding, queryOf(request));
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
                    OperationRequests.send(response, callback, calls.rpc(operations.rpc(name.orElseThrow()), request,
                        body(request), answerEncoding), answerEncoding);
                    return true;
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
            final Optional<MountPaths> mount = mounts.isPresent() ? MountPaths.split(apiPath) : Optional.empty();
            if (mount.isPresent()) {
                mounts.orElseThrow().handle(request, response, callback, mount.orElseThrow(), answerEncoding,
                    queryOf(request), this::body, restconfRoot(request) + "/data");
                return true;
            }
            final Optional<ActionResolver.Action> action = "POST".equals(method) ? calls.action(apiPath)
                : Optional.empty();
            if (action.isPresent()) {
                QueryParameters.of(queryOf(request), method);
                OperationRequests.send(response, callback, calls.action(action.orElseThrow(), request, body(request),
                    answerEncoding), answerEncoding);
                return true;
            }
            final ApiPath target = parser.parse(apiPath);
            final Optional<Encoding> patchEncoding = "PATCH".equals(method)
                ? YangPatchResource.encodingOf(request.getHeaders().get(HttpHeader.CONTENT_TYPE)) : Optional.empty();
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
            case "OPTIONS" -> request.getAttribute(READ_ONLY_DATASTORE) != null
                ? Answer.of(200, Map.of("Allow", READ_ONLY))
                : Answer.of(200, Map.of("Allow", allowed(target), "Accept-Patch", ACCEPT_PATCH));
            case "DELETE" -> data.delete(target, conditions);
            case "PUT", "PATCH", "POST" -> {
                final Encoding bodyEncoding = Encoding.ofContentType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
                final byte[] body = body(request);
                if ("POST".equals(method) && request.getAttribute(TfsCompatibleHandler.UPSERT) != null) {
                    yield upsert.apply(target, bodyEncoding, body, conditions);
                }
                if ("POST".equals(method)) {
                    yield data.post(target, bodyEncoding, body, conditions,
                        restconfRoot(request) + "/data", Insertion.of(query, parser));
                }
                if (target.isRoot()) {
                    yield "PUT".equals(method) ? datastore.put(bodyEncoding, body, conditions)
                        : datastore.patch(bodyEncoding, body, conditions);
                }
                yield "PUT".equals(method) ? data.put(target, bodyEncoding, body, conditions,
                    Insertion.of(query, parser))
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
        if (path.startsWith(STREAMS)) {
            return StreamResource.ALLOWED;
        }
        return path.startsWith(DATA) ? "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" : READ_ONLY;
    }

    private static String allowed(final ApiPath target) {
        if (target.isRoot()) {
            return "GET, HEAD, POST, PUT, PATCH, OPTIONS";
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
        depth.check(request.getHeaders().get(HttpHeader.CONTENT_TYPE), body);
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
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, encoding.mediaType());
        // written while the data is walked: a large answer is never held whole in memory
        final ResponseBody out = new ResponseBody(response,
            length -> response.getHeaders().put(HttpHeader.CONTENT_LENGTH, length), head);
        try {
            writer.write(answer.body().orElseThrow(), encoding, out);
            out.finish(callback);
        } catch (IOException | RuntimeException e) {
            if (!out.committed()) {
                throw e;
            }
            // the status has gone out: the answer can only be cut off
            LOG.debug("{}: the answer was cut off", request.getHttpURI().getPath(), e);
            callback.failed(e);
        }
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

package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountPoints;
import org.sdqkd.restconf.gateway.spi.MountRead;
import org.sdqkd.restconf.gateway.spi.MountedDevice;

/**
 * The resources below {@code yang-ext:mount} (OpenDaylight's mount path segment; see {@link MountPaths}): the data of
 * a device mounted at a data node of the gateway's models, with every method of RFC 8040 section 4 and its query
 * parameters, in JSON and XML, read and written with codecs of the device's own models ({@link MountCodecs}); and POST
 * of the device's RPCs ({@code .../yang-ext:mount/module:rpc}) and actions. Reads and edits are forwarded to the
 * {@link MountedDevice}; the device's errors answer as RFC 8040 errors whose error-path starts at the mount point
 * ({@link MountErrorPaths}). No {@code ETag} or {@code Last-Modified} is sent: the device keeps no entity-tags.
 */
final class MountResource {
    private static final String ACCEPT_PATCH = Encoding.JSON.mediaType() + ", " + Encoding.XML.mediaType() + ", "
        + YangPatchResource.JSON_TYPE + ", " + YangPatchResource.XML_TYPE;

    private final ModelCodecs gateway;
    private final ApiPathParser gatewayPaths;
    private final MountPoints mounts;
    private final MountCalls calls;

    /** Reads a request's body within the gateway's limits. */
    @FunctionalInterface
    interface Bodies {
        /**
         * The body.
         *
         * @param request the request
         * @return its bytes
         * @throws RestconfException 413 when it is too large, 400 when it is nested too deep
         * @throws IOException       when it cannot be read
         */
        byte[] read(Request request) throws RestconfException, IOException;
    }

    /**
     * The mounts of a gateway.
     *
     * @param gateway      the gateway's codecs
     * @param gatewayPaths parses API paths in the gateway's models (for the mount point)
     * @param mounts       finds the device at a mount point
     * @param timeout      the longest a request waits for a device
     */
    MountResource(final ModelCodecs gateway, final ApiPathParser gatewayPaths, final MountPoints mounts,
            final Duration timeout) {
        this.gateway = requireNonNull(gateway);
        this.gatewayPaths = requireNonNull(gatewayPaths);
        this.mounts = requireNonNull(mounts);
        this.calls = new MountCalls(timeout);
    }

    /**
     * Answers a request below a mount.
     *
     * @param request  the request
     * @param response its response
     * @param callback completes it
     * @param paths    the request's API path, split at the mount
     * @param answer   the encoding of the answer
     * @param query    the query parameters
     * @param bodies   reads the body
     * @param dataUri  {@code {+restconf}/data} as the client reached it
     * @throws RestconfException for a bad mount point path or a mount point without a usable device (errors about
     *                           the gateway's own data, written by the caller)
     * @throws IOException       when the answer cannot be written
     */
    void handle(final Request request, final Response response, final Callback callback, final MountPaths paths,
            final Encoding answer, final Fields query, final Bodies bodies, final String dataUri)
            throws RestconfException, IOException {
        final ApiPath point = gatewayPaths.parse(paths.mountPath());
        final MountedDevice device = mountAt(point.path());
        final MountCodecs codecs = MountCodecs.of(device.modelContext());
        final MountedRequest mounted = new MountedRequest(device, codecs, point.path(), paths,
            new ErrorWriter(new MountErrorPaths(gateway, point.path(), codecs.codecs())), calls);
        final String method = request.getMethod();
        final boolean head = "HEAD".equals(method);
        try {
            final Optional<Operation> operation = "POST".equals(method) ? operation(codecs, paths.devicePath())
                : Optional.empty();
            if (operation.isPresent()) {
                QueryParameters.of(query, method);
                final Operation found = operation.orElseThrow();
                final String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
                OperationRequests.send(response, callback, codecs.invoker().invoke(found.operation(), found.target(),
                    type == null ? Optional.empty() : Optional.of(Encoding.ofContentType(type)), bodies.read(request),
                    answer, (target, input) -> mounted.call("invoking an operation",
                        () -> device.invoke(found.operation(), target, input))), answer);
                return;
            }
            final ApiPath target = devicePath(codecs, paths.devicePath());
            final Conditions conditions = conditions(request);
            final Optional<Encoding> patch = "PATCH".equals(method)
                ? YangPatchResource.encodingOf(request.getHeaders().get(HttpHeader.CONTENT_TYPE)) : Optional.empty();
            if (patch.isPresent()) {
                QueryParameters.of(query, method);
                MountResponses.patchStatus(response, callback, new MountEdits(mounted).yangPatch(target,
                    patch.orElseThrow(), bodies.read(request), conditions), answer, mounted.errors());
                return;
            }
            final QueryParameters parameters = QueryParameters.of(query, method);
            if (parameters.insert().isPresent() || parameters.point().isPresent()) {
                throw QueryParameters.invalid("insert and point are not supported below a mount: the device's edits "
                    + "carry no position");
            }
            final Answer result = switch (method) {
                case "GET", "HEAD" -> get(mounted, target, parameters, conditions);
                case "OPTIONS" -> Answer.of(200, Map.of("Allow", allowed(target), "Accept-Patch", ACCEPT_PATCH));
                case "PUT", "PATCH", "POST", "DELETE" -> {
                    final MountEdits edits = new MountEdits(mounted);
                    if ("DELETE".equals(method)) {
                        yield edits.delete(target, conditions);
                    }
                    final Encoding encoding = Encoding.ofContentType(request.getHeaders()
                        .get(HttpHeader.CONTENT_TYPE));
                    final byte[] body = bodies.read(request);
                    yield switch (method) {
                        case "PUT" -> edits.put(target, encoding, body, conditions);
                        case "PATCH" -> edits.merge(target, encoding, body, conditions);
                        default -> edits.post(target, encoding, body, conditions, dataUri);
                    };
                }
                default -> throw new RestconfException(405, RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED,
                    "method " + method + " is not allowed here; allowed: " + allowed(target)));
            };
            MountResponses.answer(response, callback, result, answer, head, codecs.writer());
        } catch (RestconfException e) {
            MountResponses.errors(response, callback, e, answer, head, mounted.errors(),
                e.status() == 405 ? allowedAt(codecs, paths.devicePath()) : "");
        }
    }

    private MountedDevice mountAt(final YangInstanceIdentifier point) throws RestconfException {
        try {
            return requireNonNull(calls.call("finding the mounted device", () -> mounts.mountAt(point)),
                "MountPoints.mountAt returned null");
        } catch (MountException e) {
            // about the gateway's own data: data-missing here means nothing is mounted at this node
            final int status = e.tag().equals(ErrorTag.DATA_MISSING) ? 404 : MountedRequest.failure(e).status();
            throw new RestconfException(status, new RestconfError(e.type(), e.tag(), e.appTag(),
                Optional.of(e.errorPath().orElse(point)), e.getMessage()));
        }
    }

    /** The API path below the mount, read in the device's models; a bad one answers 400 saying so. */
    private static ApiPath devicePath(final MountCodecs codecs, final String path) throws RestconfException {
        try {
            return codecs.parser().parse(path);
        } catch (RestconfException e) {
            final RestconfError error = e.errors().getFirst();
            throw new RestconfException(e.status(), new RestconfError(error.type(), error.tag(), error.appTag(),
                error.path(), "below the mount, in the mounted device's models: " + error.message()));
        }
    }

    /** An RPC or action invoked by a POST below a mount. */
    private record Operation(Absolute operation, YangInstanceIdentifier target) {
    }

    /** The RPC ({@code module:rpc}) or action (a data node's path, then the action) a POST names, if it names one. */
    private static Optional<Operation> operation(final MountCodecs codecs, final String path) {
        if (!path.isEmpty() && path.indexOf('/') < 0 && path.indexOf('=') < 0) {
            try {
                return Optional.of(new Operation(codecs.operations().rpc(URLDecoder.decode(path,
                    StandardCharsets.UTF_8)), YangInstanceIdentifier.of()));
            } catch (RestconfException notAnRpc) {
                return Optional.empty();
            }
        }
        return codecs.actions().find(path).map(action -> new Operation(action.operation(), action.node().path()));
    }

    private static Answer get(final MountedRequest mounted, final ApiPath target, final QueryParameters query,
            final Conditions conditions) throws RestconfException {
        final MountRead.Content content = switch (query.content()) {
            case ALL -> MountRead.Content.ALL;
            case CONFIG -> MountRead.Content.CONFIG;
            case NONCONFIG -> MountRead.Content.NONCONFIG;
        };
        final Optional<NormalizedNode> read = mounted.call("reading", () -> mounted.device().read(
            new MountRead(target.path(), content, query.depth())));
        final NormalizedNode data = read.orElseThrow(() -> absent(target));
        final Conditions.Outcome outcome = MountConditions.evaluate(conditions, true, true);
        if (outcome == Conditions.Outcome.NOT_MODIFIED) {
            return Answer.of(304, Map.of());
        }
        if (outcome == Conditions.Outcome.FAILED) {
            throw Conditions.failed();
        }
        final NormalizedNode selected = switch (query.content()) {
            case ALL -> data;
            case CONFIG -> ConfigContent.of(data, target.schema()).orElseThrow(() -> absent(target));
            case NONCONFIG -> ContentFilter.nonConfig(data, target.schema())
                .or(() -> target.isRoot() ? Optional.of(Rebuild.builder((DataContainerNode) data).build())
                    : Optional.empty())
                .orElseThrow(() -> absent(target));
        };
        return new Answer(200, Map.of(), Optional.of(new Answer.Content(target, shape(mounted.codecs(), target,
            query, selected))));
    }

    /** with-defaults, then fields, then depth, as for the gateway's own data. */
    private static NormalizedNode shape(final MountCodecs codecs, final ApiPath target, final QueryParameters query,
            final NormalizedNode data) throws RestconfException {
        NormalizedNode shaped = data;
        if (query.withDefaults().isPresent()) {
            shaped = codecs.defaults().apply(shaped, target.schema(), query.withDefaults().orElseThrow(),
                switch (query.content()) {
                    case ALL -> node -> true;
                    case CONFIG -> node -> node.effectiveConfig().orElse(Boolean.TRUE);
                    case NONCONFIG -> node -> !node.effectiveConfig().orElse(Boolean.TRUE);
                });
        }
        if (query.fields().isPresent()) {
            shaped = codecs.fields().select(shaped, target, query.fields().orElseThrow());
        }
        if (query.depth().isPresent()) {
            shaped = DepthLimit.of(shaped, query.depth().orElseThrow());
        }
        return shaped;
    }

    static RestconfException absent(final ApiPath target) {
        return new RestconfException(404, new RestconfError(ErrorType.PROTOCOL, ErrorTag.INVALID_VALUE,
            Optional.empty(), Optional.of(target.path()), "the mounted device has no data at this path"));
    }

    private static Conditions conditions(final Request request) {
        return Conditions.of(request.getHeaders().get(HttpHeader.IF_MATCH),
            request.getHeaders().get(HttpHeader.IF_NONE_MATCH), request.getHeaders().get(HttpHeader.IF_MODIFIED_SINCE),
            request.getHeaders().get(HttpHeader.IF_UNMODIFIED_SINCE));
    }

    private static String allowed(final ApiPath target) {
        if (target.isRoot()) {
            return "GET, HEAD, POST, OPTIONS";
        }
        return target.isConfiguration() ? "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" : "GET, HEAD, OPTIONS";
    }

    private static String allowedAt(final MountCodecs codecs, final String path) {
        try {
            return allowed(codecs.parser().parse(path));
        } catch (RestconfException e) {
            return "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
        }
    }
}

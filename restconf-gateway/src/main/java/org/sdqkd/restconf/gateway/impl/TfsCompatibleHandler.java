package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.opendaylight.yangtools.yang.model.api.ContainerLike;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;

/**
 * The TeraFlowSDN-compatible mode: a request and answer adaptation in front of the RESTCONF handler, for the habits
 * of TeraFlowSDN's QKD driver ({@code src/device/service/drivers/qkd/}). On {@code {+restconf}/data} paths it
 * strips trailing slashes, qualifies a bare first path segment and bare top-level body members where one schema node
 * fits, leaves out body members that are JSON {@code null}, turns a POST whose body wraps the target itself into an
 * upsert, and answers GETs with bare top-level names (unwrapped for a top-level container asked with a trailing
 * slash) and empty containers with an empty object instead of 404. Everything else is the standard handler's.
 */
final class TfsCompatibleHandler extends Handler.Wrapper {
    /** The request attribute that makes a POST an upsert of its target (see {@link TfsUpsert}). */
    static final String UPSERT = TfsCompatibleHandler.class.getName() + ".upsert";

    private static final String DATA = "/restconf/data";

    private final ApiPathParser parser;
    private final TfsNames names;
    private final int maxBody;
    private final ErrorWriter errors;

    TfsCompatibleHandler(final RestconfHandler restconf, final ModelCodecs codecs, final int maxBody) {
        super(requireNonNull(restconf));
        this.parser = new ApiPathParser(codecs);
        this.names = new TfsNames(codecs.context());
        this.maxBody = maxBody;
        this.errors = new ErrorWriter(codecs);
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback) throws Exception {
        final String path = request.getHttpURI().getPath();
        if (!path.startsWith(DATA)) {
            return super.handle(request, response, callback);
        }
        final boolean trailingSlash = path.length() > DATA.length() + 1 && path.endsWith("/");
        String apiPath = stripSlashes(path.substring(DATA.length()));
        final int end = firstSegmentEnd(apiPath);
        if (end > 0) {
            apiPath = names.topLevel(apiPath.substring(0, end)) + apiPath.substring(end);
        }
        final String rewrittenPath = apiPath.isEmpty() ? DATA : DATA + "/" + apiPath;
        Optional<ApiPath> target;
        try {
            target = Optional.of(parser.parse(apiPath));
        } catch (RestconfException e) {
            target = Optional.empty();
        }
        final String method = request.getMethod();
        Optional<byte[]> body = Optional.empty();
        boolean upsert = false;
        if (target.isPresent() && isJsonEdit(request)) {
            final byte[] sent = readBody(request);
            final Optional<DataSchemaNode> schema = Optional.ofNullable(target.orElseThrow().schema()
                .dataSchemaNode());
            final boolean post = "POST".equals(method);
            final Optional<JsonObject> rewritten;
            try {
                rewritten = TfsBodies.request(sent, name -> names.member(name, schema, post));
            } catch (RestconfException e) {
                refuse(response, callback, e);
                return true;
            }
            body = Optional.of(rewritten.map(json -> json.toString().getBytes(StandardCharsets.UTF_8)).orElse(sent));
            upsert = post && schema.isPresent() && rewritten.map(json -> json.size() == 1
                && json.has(names.member(schema.orElseThrow().getQName().getLocalName(), schema, false))
                && schema.orElseThrow() instanceof ContainerLike).orElse(false);
        }
        final TfsRequest adapted = new TfsRequest(request, rewrittenPath, body);
        if (upsert) {
            adapted.setAttribute(UPSERT, Boolean.TRUE);
        }
        if (!"GET".equals(method) || target.isEmpty()) {
            return super.handle(adapted, response, callback);
        }
        final ApiPath found = target.orElseThrow();
        final boolean unwrap = trailingSlash && found.path().getPathArguments().size() == 1;
        return super.handle(adapted, new TfsAnswer(adapted, response, (status, answer) -> {
            if (status == 200) {
                return TfsBodies.answer(answer, unwrap);
            }
            if (status == 404 && !found.isRoot() && found.schema().dataSchemaNode() instanceof ContainerLike node) {
                return Optional.<JsonElement>of(TfsBodies.emptyContainer(node.getQName().getLocalName(), unwrap));
            }
            return Optional.empty();
        }), callback);
    }

    private void refuse(final Response response, final Callback callback, final RestconfException failure)
            throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        errors.write(failure.errors(), Encoding.JSON, out);
        response.setStatus(failure.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Encoding.JSON.mediaType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) out.size());
        response.write(true, ByteBuffer.wrap(out.toByteArray()), callback);
    }

    private static String stripSlashes(final String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = path.length();
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /** Where the first segment's node name ends, or 0 when there is none. */
    private static int firstSegmentEnd(final String apiPath) {
        int end = 0;
        while (end < apiPath.length() && apiPath.charAt(end) != '/' && apiPath.charAt(end) != '=') {
            end++;
        }
        return end;
    }

    private static boolean isJsonEdit(final Request request) {
        final String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return false;
        }
        final String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        final String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Encoding.JSON.mediaType().equals(media) || "application/json".equals(media);
    }

    /** The body, at most one byte over the limit (so that the handler still answers 413 for a larger one). */
    private byte[] readBody(final Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            return in.readNBytes(maxBody + 1);
        }
    }

    /** How an answer's JSON is rewritten, given its status: empty to send it as it is. */
    @FunctionalInterface
    interface Rewrite {
        Optional<JsonElement> apply(int status, byte[] answer);
    }

    /** The handler's answer, held until its last write, then rewritten. */
    private static final class TfsAnswer extends Response.Wrapper {
        private final Rewrite rewrite;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream(1024);

        TfsAnswer(final Request request, final Response wrapped, final Rewrite rewrite) {
            super(request, wrapped);
            this.rewrite = rewrite;
        }

        @Override
        public void write(final boolean last, final ByteBuffer content, final Callback callback) {
            if (content != null) {
                final byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                held.writeBytes(bytes);
            }
            if (!last) {
                callback.succeeded();
                return;
            }
            final String type = getHeaders().get(HttpHeader.CONTENT_TYPE);
            final Optional<JsonElement> rewritten = type != null && type.contains("json")
                ? rewrite.apply(getStatus(), held.toByteArray()) : Optional.empty();
            if (rewritten.isEmpty()) {
                super.write(true, ByteBuffer.wrap(held.toByteArray()), callback);
                return;
            }
            final byte[] answer = rewritten.orElseThrow().toString().getBytes(StandardCharsets.UTF_8);
            setStatus(200);
            getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) answer.length);
            super.write(true, ByteBuffer.wrap(answer), callback);
        }
    }
}

package org.sdqkd.qkd.node.impl.kme;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.sdqkd.etsi014.api.Etsi014Error;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.Etsi014Json;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.Etsi014Query;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.etsi014.api.Status;
import org.sdqkd.qkd.node.api.DeliveredKey;
import org.sdqkd.qkd.node.api.KeyDelivery;
import org.sdqkd.qkd.node.api.KeyDeliveryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ETSI GS QKD 014 V1.1.1 REST API (section 5) on Jetty's core API: {@code /api/v1/keys/{SAE_ID}/status},
 * {@code /enc_keys} and {@code /dec_keys}, GET and POST. The caller is the SAE its client certificate names; every
 * answer, refusals included, is JSON with {@code Cache-Control: no-store}. The keys of a Key container are erased
 * once the response is written (or failed).
 */
final class KmeHandler extends Handler.Abstract {
    private static final long MAX_DRAIN = 1024 * 1024;

    /** The name of the key delivery audit logger. */
    static final String AUDIT_LOGGER = "org.sdqkd.qkd.node.kme.audit";
    private static final Logger LOG = LoggerFactory.getLogger(KmeHandler.class);
    /**
     * The key delivery audit: one line per enc_keys or dec_keys answered, naming the SAEs and the key_IDs (never a
     * key). Its own logger, so that operators can route or silence it.
     */
    private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);
    private static final String PREFIX = "/api/v1/keys/";
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    private static final HttpField ALLOW_GET = new PreEncodedHttpField(HttpHeader.ALLOW, "GET");
    private static final HttpField ALLOW_GET_POST = new PreEncodedHttpField(HttpHeader.ALLOW, "GET, POST");

    private final KeyDelivery delivery;
    private final SaeIdentities identities = new SaeIdentities();
    private final Etsi014Limits limits;

    KmeHandler(final KeyDelivery delivery, final Etsi014Limits limits) {
        super(InvocationType.BLOCKING);
        this.delivery = requireNonNull(delivery);
        this.limits = requireNonNull(limits);
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback) {
        final String path = Request.getPathInContext(request);
        String caller = null;
        int status;
        try {
            caller = identities.caller(request);
            status = dispatch(request, response, callback, caller, path);
        } catch (KmeError e) {
            status = e.status();
            drain(request);
            if (status == 405) {
                response.getHeaders().put(path.endsWith("/status") ? ALLOW_GET : ALLOW_GET_POST);
            }
            send(response, callback, status, Etsi014Json.write(e.body()), List.of());
        } catch (IOException e) {
            status = 400;
            send(response, callback, status, Etsi014Json.write(Etsi014Error.of("cannot read the request body")),
                List.of());
        } catch (RuntimeException e) {
            LOG.warn("KME request {} {} failed", request.getMethod(), path, e);
            status = 500;
            send(response, callback, status, Etsi014Json.write(Etsi014Error.of("internal error")), List.of());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} {} {}", request.getMethod(), path, status, caller == null ? "-" : caller);
        }
        return true;
    }

    private int dispatch(final Request request, final Response response, final Callback callback,
            final String caller, final String path) throws KmeError, IOException {
        final int slash = path.lastIndexOf('/');
        if (!path.startsWith(PREFIX) || slash <= PREFIX.length() || path.indexOf('/', PREFIX.length()) != slash) {
            throw new KmeError(404, "no such resource: " + path, List.of());
        }
        final String sae = path.substring(PREFIX.length(), slash);
        final String operation = path.substring(slash + 1);
        final boolean post = "POST".equals(request.getMethod());
        if (!post && !"GET".equals(request.getMethod())) {
            checkOperation(operation);
            throw new KmeError(405, "method " + request.getMethod() + " not allowed on " + path, List.of());
        }
        final List<DeliveredKey> keys;
        switch (operation) {
            case "status" -> {
                if (post) {
                    throw new KmeError(405, "method POST not allowed on " + path, List.of());
                }
                final Status status = call(() -> delivery.status(caller, sae));
                send(response, callback, 200, Etsi014Json.write(status.withLimits(limits)), List.of());
                return 200;
            }
            case "enc_keys" -> keys = encKeys(caller, sae, post ? format(() -> Etsi014Json.readKeyRequest(
                body(request), limits)) : format(() -> Etsi014Query.keyRequest(query(request), limits)));
            case "dec_keys" -> {
                final List<UUID> ids = (post ? format(() -> Etsi014Json.readKeyIds(body(request), limits))
                    : format(() -> Etsi014Query.keyIds(query(request)))).uuids();
                keys = call(() -> delivery.decKeys(caller, sae, ids));
            }
            default -> throw new KmeError(404, "no such resource: " + path, List.of());
        }
        if (AUDIT.isInfoEnabled()) {
            AUDIT.info("{} by SAE {} {} SAE {}: {} key{}, key_IDs {}", operation, caller,
                "enc_keys".equals(operation) ? "for slave" : "from master", sae, keys.size(),
                keys.size() == 1 ? "" : "s", keys.stream().map(DeliveredKey::keyId).toList());
        }
        final byte[] body;
        final KeyContainer container = container(keys);
        try {
            body = Etsi014Json.write(container);
        } finally {
            container.erase();
        }
        send(response, callback, 200, body, keys);
        return 200;
    }

    private List<DeliveredKey> encKeys(final String master, final String slave, final KeyRequest request)
            throws KmeError {
        if (!request.extensionMandatory().isEmpty()) {
            final List<Map<String, String>> unsupported = new ArrayList<>();
            for (Map<String, Object> extension : request.extensionMandatory()) {
                extension.keySet().forEach(name -> unsupported.add(Map.of("extension_mandatory", name, "message",
                    "not supported")));
            }
            if (!unsupported.isEmpty()) {
                throw new KmeError(400, "unsupported extension_mandatory members", unsupported);
            }
        }
        final List<String> slaves = new ArrayList<>(1 + request.additionalSlaves().size());
        slaves.add(slave);
        for (String additional : request.additionalSlaves()) {
            if (slaves.contains(additional)) {
                throw KmeError.badRequest("slave SAE named twice: " + additional, "additional_slave_SAE_IDs",
                    additional);
            }
            slaves.add(additional);
        }
        final int number = request.number().orElse(1);
        final int size = request.size().isPresent() ? request.size().get()
            : call(() -> delivery.status(master, slave)).keySize();
        return call(() -> delivery.encKeys(master, slaves, number, size));
    }

    private static void checkOperation(final String operation) throws KmeError {
        if (!"status".equals(operation) && !"enc_keys".equals(operation) && !"dec_keys".equals(operation)) {
            throw new KmeError(404, "no such resource: " + operation, List.of());
        }
    }

    private static Map<String, String> query(final Request request) throws Etsi014FormatException {
        return Etsi014Query.parameters(request.getHttpURI().getQuery());
    }

    /** The keys as a Key container of copies, which the caller erases. */
    private static KeyContainer container(final List<DeliveredKey> keys) {
        final List<QkdKey> copies = new ArrayList<>(keys.size());
        for (DeliveredKey key : keys) {
            final byte[] bytes = key.key().bytes();
            try {
                copies.add(new QkdKey(key.keyId(), bytes));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        return KeyContainer.of(copies);
    }

    private static byte[] body(final Request request) throws KmeError, IOException {
        final long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > Etsi014Limits.MAX_REQUEST_BODY) {
            throw tooLarge();
        }
        final byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(Etsi014Limits.MAX_REQUEST_BODY + 1);
        }
        if (body.length > Etsi014Limits.MAX_REQUEST_BODY) {
            throw tooLarge();
        }
        return body;
    }

    /**
     * Reads what is left of a refused request's body (up to {@value #MAX_DRAIN} bytes), so that the client reads the
     * answer and the connection stays open; Jetty closes it when more is left.
     */
    private static void drain(final Request request) {
        final long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared == 0 || declared > MAX_DRAIN) {
            return;
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            final byte[] buffer = new byte[8192];
            long left = MAX_DRAIN;
            int read;
            while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= read;
            }
        } catch (IOException e) {
            LOG.debug("the refused request's body could not be read", e);
        }
    }

    private static KmeError tooLarge() {
        return new KmeError(413, "request body larger than " + Etsi014Limits.MAX_REQUEST_BODY + " bytes", List.of());
    }

    private static void send(final Response response, final Callback callback, final int status, final byte[] body,
            final List<DeliveredKey> keys) {
        response.setStatus(status);
        response.getHeaders().put(JSON);
        response.getHeaders().put(NO_STORE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (keys.isEmpty()) {
            response.write(true, ByteBuffer.wrap(body), callback);
            return;
        }
        response.write(true, ByteBuffer.wrap(body), Callback.from(callback.getInvocationType(), () -> {
            erase(body, keys);
            callback.succeeded();
        }, failure -> {
            erase(body, keys);
            callback.failed(failure);
        }));
    }

    private static void erase(final byte[] body, final List<DeliveredKey> keys) {
        Arrays.fill(body, (byte) 0);
        keys.forEach(key -> key.key().erase());
    }

    /** A call into the key plane. */
    @FunctionalInterface
    private interface KeyCall<T> {
        T call() throws KeyDeliveryException;
    }

    /** A reading of a request. */
    @FunctionalInterface
    private interface FormatCall<T> {
        T call() throws Etsi014FormatException, KmeError, IOException;
    }

    private static <T> T format(final FormatCall<T> formatCall) throws KmeError, IOException {
        try {
            return formatCall.call();
        } catch (Etsi014FormatException e) {
            throw KmeError.of(e);
        }
    }

    private static <T> T call(final KeyCall<T> keyCall) throws KmeError {
        try {
            return keyCall.call();
        } catch (KeyDeliveryException e) {
            throw KmeError.of(e);
        }
    }
}

package org.sdqkd.restconf.gateway.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.restconf.gateway.RestconfGateway;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountPoints;
import org.sdqkd.restconf.gateway.spi.MountedDevice;

/**
 * A gateway serving the project's models (the controller's {@code sdqkd-network} among them) with devices mounted at
 * {@code network/node} entries by node id, on a loopback port 0, with a JDK HTTP client. A node id may be given an
 * error instead of a device, as a controller answers for a node that is not connected.
 */
final class MountHarness implements AutoCloseable {
    /** The API path of the node list. */
    static final String NODES = "sdqkd-network:network/node=";

    private final Datastores datastores;
    private final RestconfGateway gateway;
    private final HttpClient client;
    private final Map<String, MountedDevice> devices = new ConcurrentHashMap<>();
    private final Map<String, MountException> refusals = new ConcurrentHashMap<>();

    MountHarness(final Path directory, final Duration timeout) {
        try {
            datastores = Datastores.open(directory, TestModels.CONTEXT);
            final MountPoints points = this::mountAt;
            gateway = RestconfGateway.builder(datastores, TestModels.CONTEXT).listen("127.0.0.1", 0).plainHttp()
                .unauthenticated().mountPoints(points).mountTimeout(timeout).start();
        } catch (StorageException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private MountedDevice mountAt(final YangInstanceIdentifier path) throws MountException {
        final String id = ((NodeIdentifierWithPredicates) path.getLastPathArgument()).values().iterator().next()
            .toString();
        final MountException refusal = refusals.get(id);
        if (refusal != null) {
            throw refusal;
        }
        final MountedDevice device = devices.get(id);
        if (device == null) {
            throw new MountException(ErrorTag.DATA_MISSING, "no device is mounted at node " + id);
        }
        return device;
    }

    /** Mounts a device at a node id. */
    void mount(final String nodeId, final MountedDevice device) {
        devices.put(nodeId, device);
    }

    /** Answers requests to a node id with an error. */
    void refuse(final String nodeId, final MountException error) {
        refusals.put(nodeId, error);
    }

    /** {@code {+restconf}/data/sdqkd-network:network/node=ID/yang-ext:mount[/devicePath]}. */
    URI uri(final String nodeId, final String devicePath) {
        return URI.create(gateway.restconfRoot() + "/data/" + NODES + nodeId + "/yang-ext:mount"
            + (devicePath.isEmpty() ? "" : "/" + devicePath));
    }

    /**
     * Sends a request.
     *
     * @param method  the method
     * @param uri     the URI
     * @param body    the body, or {@code null}
     * @param headers name, value, name, value...
     */
    HttpResponse<String> send(final String method, final URI uri, final byte[] body, final String... headers) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET in an encoding. */
    HttpResponse<String> get(final String nodeId, final String devicePath, final Encoding encoding,
            final String... headers) {
        return send("GET", uri(nodeId, devicePath), null, with(headers, "Accept", encoding.mediaType()));
    }

    /** A request with a body in an encoding, answered in the same encoding. */
    HttpResponse<String> edit(final String method, final String nodeId, final String devicePath, final byte[] body,
            final Encoding encoding, final String... headers) {
        return send(method, uri(nodeId, devicePath), body, with(with(headers, "Content-Type", encoding.mediaType()),
            "Accept", encoding.mediaType()));
    }

    private static String[] with(final String[] headers, final String name, final String value) {
        final String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    @Override
    public void close() {
        gateway.close();
        datastores.close();
    }
}

package org.sdqkd.restconf.gateway.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.restconf.gateway.RestconfGateway;
import org.sdqkd.restconf.gateway.StreamLimits;

/** A gateway on fresh datastores in a directory, on a loopback port 0, with a JDK HTTP client. */
final class GatewayHarness implements AutoCloseable {
    private final Datastores datastores;
    private final RestconfGateway gateway;
    private final HttpClient client;

    GatewayHarness(final Path directory) {
        this(directory, RestconfGateway.DEFAULT_MAX_BODY);
    }

    GatewayHarness(final Path directory, final int maxBody) {
        this(directory, maxBody, TestModels.CONTEXT, StreamLimits.DEFAULTS, false);
    }

    /** A gateway serving other models, such as {@link TestModule#CONTEXT}. */
    GatewayHarness(final Path directory, final EffectiveModelContext models) {
        this(directory, RestconfGateway.DEFAULT_MAX_BODY, models, StreamLimits.DEFAULTS, false);
    }

    GatewayHarness(final Path directory, final StreamLimits limits) {
        this(directory, RestconfGateway.DEFAULT_MAX_BODY, TestModels.CONTEXT, limits, false);
    }

    GatewayHarness(final Path directory, final int maxBody, final boolean tfsCompatible) {
        this(directory, maxBody, TestModels.CONTEXT, StreamLimits.DEFAULTS, tfsCompatible);
    }

    private GatewayHarness(final Path directory, final int maxBody, final EffectiveModelContext models,
            final StreamLimits limits, final boolean tfsCompatible) {
        try {
            datastores = Datastores.open(directory, models);
            final RestconfGateway.Builder builder = RestconfGateway.builder(datastores, models).listen("127.0.0.1", 0)
                .plainHttp().unauthenticated().maxBody(maxBody).streamLimits(limits);
            gateway = (tfsCompatible ? builder.tfsCompatible() : builder).start();
        } catch (StorageException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    RestconfGateway gateway() {
        return gateway;
    }

    Datastores datastores() {
        return datastores;
    }

    /** {@code http://127.0.0.1:port/restconf}. */
    URI root() {
        return gateway.restconfRoot();
    }

    /** The URI of a data resource, {@code {root}/data/apiPath}. */
    URI data(final String apiPath) {
        return URI.create(root() + "/data" + (apiPath.isEmpty() ? "" : "/" + apiPath));
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

    /** GET with an Accept header of an encoding. */
    HttpResponse<String> get(final String apiPath, final Encoding encoding, final String... headers) {
        return send("GET", data(apiPath), null, with(headers, "Accept", encoding.mediaType()));
    }

    /** A request with a body in an encoding, answered in the same encoding. */
    HttpResponse<String> edit(final String method, final String apiPath, final byte[] body, final Encoding encoding,
            final String... headers) {
        return send(method, data(apiPath), body, with(with(headers, "Content-Type", encoding.mediaType()), "Accept",
            encoding.mediaType()));
    }

    private static String[] with(final String[] headers, final String name, final String value) {
        final String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
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

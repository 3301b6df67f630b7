package org.sdqkd.restconf.gateway;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.restconf.gateway.impl.GatewayServer;

/**
 * A RESTCONF server (RFC 8040) over a datastore and its YANG models: {@code /.well-known/host-meta} and the
 * {@code /restconf/data} resources of the running datastore, in RFC 7951 JSON and XML. Plain HTTP for now (TLS is
 * to come): bind it to loopback unless it sits behind a TLS proxy. {@link #close()} stops it.
 */
public final class RestconfGateway implements AutoCloseable {
    /** The default limit of a request body: 16 MiB. */
    public static final int DEFAULT_MAX_BODY = 16 << 20;

    private final GatewayServer server;

    private RestconfGateway(final GatewayServer server) {
        this.server = server;
    }

    /**
     * Starts a gateway on a datastore.
     *
     * @param datastores the datastores to serve (shared with a NETCONF agent if there is one)
     * @param models     the models of the datastores
     * @param host       the address to listen on, such as {@code 127.0.0.1}
     * @param port       the port, {@code 0} for any free port
     * @return the running gateway
     * @throws IOException when the server cannot start
     */
    public static RestconfGateway start(final Datastores datastores, final EffectiveModelContext models,
            final String host, final int port) throws IOException {
        return start(datastores, models, host, port, DEFAULT_MAX_BODY);
    }

    /**
     * Starts a gateway on a datastore with a request body limit.
     *
     * @param datastores the datastores to serve
     * @param models     the models of the datastores
     * @param host       the address to listen on
     * @param port       the port, {@code 0} for any free port
     * @param maxBody    the largest request body accepted (larger ones answer 413), in bytes
     * @return the running gateway
     * @throws IOException when the server cannot start
     */
    public static RestconfGateway start(final Datastores datastores, final EffectiveModelContext models,
            final String host, final int port, final int maxBody) throws IOException {
        return start(datastores, models, host, port, maxBody, false);
    }

    /**
     * Starts a gateway on a datastore, optionally in the TeraFlowSDN-compatible mode: besides RFC 8040 it then
     * accepts the habits of TeraFlowSDN's QKD driver (trailing slashes, bare member names, a POST whose body wraps
     * its target, JSON {@code null} for absent values) and answers in the form that driver parses (see the README).
     *
     * @param datastores    the datastores to serve
     * @param models        the models of the datastores
     * @param host          the address to listen on
     * @param port          the port, {@code 0} for any free port
     * @param maxBody       the largest request body accepted (larger ones answer 413), in bytes
     * @param tfsCompatible whether the TeraFlowSDN-compatible mode is on
     * @return the running gateway
     * @throws IOException when the server cannot start
     */
    public static RestconfGateway start(final Datastores datastores, final EffectiveModelContext models,
            final String host, final int port, final int maxBody, final boolean tfsCompatible) throws IOException {
        requireNonNull(models);
        if (maxBody < 1) {
            throw new IllegalArgumentException("maxBody must be positive: " + maxBody);
        }
        try {
            return new RestconfGateway(GatewayServer.start(datastores, models, new InetSocketAddress(host, port),
                maxBody, tfsCompatible));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the RESTCONF gateway could not start on " + host + ":" + port, e);
        }
    }

    /** The port the gateway listens on. */
    public int port() {
        return server.port();
    }

    /** The RESTCONF root, such as {@code http://127.0.0.1:8080/restconf}. */
    public URI restconfRoot() {
        return URI.create(server.baseUri() + "/restconf");
    }

    /** Stops the gateway; requests in progress are cut off. */
    @Override
    public void close() {
        server.close();
    }
}

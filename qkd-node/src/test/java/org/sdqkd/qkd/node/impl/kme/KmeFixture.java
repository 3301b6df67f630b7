package org.sdqkd.qkd.node.impl.kme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sdqkd.tls.api.TlsIdentity;
import org.sdqkd.qkd.node.testing.InMemoryKeyDelivery;
import org.sdqkd.qkd.node.testing.KmeClient;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.qkd.node.api.KmeSettings;

/**
 * A KME on 127.0.0.1 (any free port) in front of an {@link InMemoryKeyDelivery}: SAE_A may share keys with SAE_B and
 * SAE_C; SAE_X has a certificate but no application. Limits: {@value #MAX_KEYS} keys per request,
 * {@value #MAX_SAES} additional slaves.
 */
final class KmeFixture implements AutoCloseable {
    static final String MASTER = "SAE_A";
    static final String SLAVE = "SAE_B";
    static final String SLAVE2 = "SAE_C";
    static final String STRANGER = "SAE_X";
    static final int MAX_KEYS = 16;
    static final int MAX_SAES = 2;
    static final long UNITS = 100_000;

    private final TestPki pki;
    private final InMemoryKeyDelivery delivery;
    private final KmeServer server;
    private final Map<String, TlsIdentity> saes = new HashMap<>();
    private final List<KmeClient> clients = new ArrayList<>();

    KmeFixture(final Path directory) {
        pki = TestPki.create(directory, "KME test CA");
        delivery = new InMemoryKeyDelivery(UNITS).allow(MASTER, SLAVE).allow(MASTER, SLAVE2);
        final TlsIdentity node = pki.node("node-a", UUID.randomUUID());
        try {
            server = KmeServer.start(new KmeSettings("127.0.0.1", 0, node, MAX_KEYS, MAX_SAES), delivery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestPki pki() {
        return pki;
    }

    InMemoryKeyDelivery delivery() {
        return delivery;
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.port());
    }

    /** The identity of an SAE, issued on first use. */
    synchronized TlsIdentity sae(final String saeId) {
        return saes.computeIfAbsent(saeId, pki::sae);
    }

    /** A client calling as an SAE, closed with the fixture. */
    synchronized KmeClient client(final String saeId) {
        final KmeClient client = KmeClient.connect(uri(), sae(saeId));
        clients.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        clients.forEach(KmeClient::close);
        server.close();
    }
}

package org.sdqkd.features;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.sdqkd.etsi014.Etsi014Client;
import org.sdqkd.etsi014.api.Etsi014Exception;
import org.sdqkd.tls.api.TlsIdentity;

/** Asks a KME, as one SAE, how many keys it holds for another (ETSI GS QKD 014 status): the demo's progress. */
final class KmeProbe implements AutoCloseable {
    private final Etsi014Client client;
    private final String slave;

    /**
     * A probe.
     *
     * @param pki      the PKI directory ({@code ca.crt}, {@code <sae>.crt}, {@code <sae>.key})
     * @param master   the SAE that asks
     * @param slave    the SAE it shares keys with
     * @param kmePort  the master's KME port on 127.0.0.1
     * @throws IOException when the SAE's files cannot be read
     */
    KmeProbe(final Path pki, final String master, final String slave, final int kmePort) throws IOException {
        final TlsIdentity sae = TlsIdentity.load(pki.resolve(master + ".crt"), pki.resolve(master + ".key"),
            pki.resolve("ca.crt"));
        this.client = Etsi014Client.https(URI.create("https://127.0.0.1:" + kmePort), sae.sslContext(),
            Duration.ofSeconds(5));
        this.slave = slave;
    }

    /** The {@code stored_key_count} the KME reports now, or empty when it did not answer with a status. */
    OptionalLong storedKeys() throws InterruptedException {
        try {
            return OptionalLong.of(client.status(slave).storedKeyCount());
        } catch (Etsi014Exception e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

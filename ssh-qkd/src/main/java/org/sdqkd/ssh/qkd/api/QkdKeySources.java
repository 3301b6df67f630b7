package org.sdqkd.ssh.qkd.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sdqkd.ssh.qkd.impl.Etsi014KeySource;

/** The key sources. */
public final class QkdKeySources {
    private QkdKeySources() {
    }

    /**
     * A key source that takes keys from an ETSI GS QKD 014 KME over HTTPS, authenticated by the SAE's client
     * certificate: {@code enc_keys} for {@link QkdKeySource#newKey}, {@code dec_keys} for
     * {@link QkdKeySource#keyById}, one 256-bit key each time.
     *
     * @param kmeUrl     the KME's base URL, up to and excluding {@code /api/v1/keys}, such as
     *                   {@code https://127.0.0.1:9444}
     * @param tls        the SAE's TLS context: its certificate and key, and the CA trusted for the KME
     * @param localSaeId the SAE ID, the certificate's CN
     * @param timeout    the time allowed for one whole request, connection included
     * @return the key source, to close when done
     * @throws IllegalArgumentException when the URL is not https or the timeout not positive
     */
    public static CloseableKeySource etsi014(final URI kmeUrl, final SSLContext tls, final String localSaeId,
            final Duration timeout) {
        return new Etsi014KeySource(requireNonNull(kmeUrl, "kmeUrl"), requireNonNull(tls, "tls"),
            requireNonNull(localSaeId, "localSaeId"), requireNonNull(timeout, "timeout"));
    }
}

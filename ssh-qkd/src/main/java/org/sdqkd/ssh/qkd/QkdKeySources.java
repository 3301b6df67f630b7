package org.sdqkd.ssh.qkd;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sdqkd.ssh.qkd.impl.Etsi014KeySource;
import org.sdqkd.ssh.qkd.impl.PrefetchingKeySource;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.QkdKeySource;

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

    /**
     * A client-side key source that takes each peer's next key in the background, so that a key exchange does not
     * wait for the KME: {@code newKey} hands out the key taken after the previous call when it is younger than
     * {@code maxAge}, and starts taking the next. Each key is still used once; a key that waited longer is erased
     * unused. Costs one key per peer that ends up unused.
     *
     * @param source the key source (an {@link #etsi014} one)
     * @param maxAge how long a key taken ahead may wait for its key exchange
     * @return the key source; closing it erases the keys taken ahead (not the wrapped source)
     */
    public static CloseableKeySource prefetching(final QkdKeySource source, final Duration maxAge) {
        return new PrefetchingKeySource(requireNonNull(source, "source"), requireNonNull(maxAge, "maxAge"));
    }
}

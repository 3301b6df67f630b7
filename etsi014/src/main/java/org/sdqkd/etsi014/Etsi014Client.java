package org.sdqkd.etsi014;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.sdqkd.etsi014.impl.HttpsKmeClient;
import org.sdqkd.etsi014.api.Etsi014Exception;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.Status;

/**
 * A client of one KME's ETSI GS QKD 014 V1.1.1 API (section 5), calling as the SAE its TLS client certificate names.
 * Each call is bounded as a whole by the client's timeout, and each answer by the size the request can produce.
 * Thread-safe.
 */
public interface Etsi014Client extends AutoCloseable {

    /**
     * Get status (section 5.1): {@code GET /api/v1/keys/{slave}/status}.
     *
     * @param slaveSaeId the slave SAE
     * @return the Status
     * @throws Etsi014Exception when there is no Status to use
     */
    Status status(String slaveSaeId) throws Etsi014Exception;

    /**
     * Get key (section 5.2): {@code POST /api/v1/keys/{slave}/enc_keys} with a Key request, this SAE as master.
     *
     * @param slaveSaeId the slave SAE
     * @param request    the Key request
     * @return the keys, which the caller erases once used
     * @throws Etsi014Exception when there are no keys to use
     */
    KeyContainer encKeys(String slaveSaeId, KeyRequest request) throws Etsi014Exception;

    /**
     * Get key with key IDs (section 5.3): {@code POST /api/v1/keys/{master}/dec_keys} with Key IDs, this SAE as
     * slave. The answer is not checked against the key_IDs asked for: the caller does that.
     *
     * @param masterSaeId the master SAE
     * @param ids         the key_IDs
     * @return the keys, which the caller erases once used
     * @throws Etsi014Exception when there are no keys to use
     */
    KeyContainer decKeys(String masterSaeId, KeyIds ids) throws Etsi014Exception;

    /** Closes the client: later calls fail with {@link Etsi014Exception.Failure#CLOSED}. */
    @Override
    void close();

    /**
     * A client over HTTPS with the JDK's blocking {@code HttpsURLConnection} (HTTP/1.1 with keep-alive; each call
     * runs on the caller's thread).
     *
     * @param kmeUrl  the KME's base URL, up to and excluding {@code /api/v1/keys}, such as
     *                {@code https://127.0.0.1:9444}
     * @param tls     the SAE's TLS context: its certificate and key, and the CA trusted for the KME
     * @param timeout the time allowed for one whole call, connection included
     * @return the client
     * @throws IllegalArgumentException when the URL is not https or the timeout not positive
     */
    static Etsi014Client https(final URI kmeUrl, final SSLContext tls, final Duration timeout) {
        return new HttpsKmeClient(requireNonNull(kmeUrl, "kmeUrl"), requireNonNull(tls, "tls"),
            requireNonNull(timeout, "timeout"));
    }
}

package org.sdqkd.controller.impl.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The controller's local KME, from which it takes the QKD keys of its hybrid key exchanges as an SAE (ETSI GS QKD
 * 014): each key is shared with the SAE of the node's NETCONF server.
 *
 * @param url     the KME's base URL, up to and excluding {@code /api/v1/keys}
 * @param saeId   the controller's SAE ID at that KME (its certificate's CN)
 * @param tls     a TLS context presenting the SAE's certificate and trusting the network's CA
 * @param timeout the time allowed for one key request
 */
public record LocalKme(URI url, String saeId, SSLContext tls, Duration timeout) {
    /** The default time allowed for one key request (as the nodes' {@code kme/timeout}). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(3000);

    /**
     * Checks the components.
     *
     * @param url     the URL
     * @param saeId   the SAE ID
     * @param tls     the TLS context
     * @param timeout the timeout
     */
    public LocalKme {
        requireNonNull(url);
        requireNonNull(saeId);
        requireNonNull(tls);
        requireNonNull(timeout);
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("the KME URL must be https://HOST[:PORT], not " + url);
        }
        if (saeId.isBlank()) {
            throw new IllegalArgumentException("blank SAE ID");
        }
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("the KME timeout must be positive: " + timeout);
        }
    }
}

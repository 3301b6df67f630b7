package org.sdqkd.ssh.qkd.impl;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.sdqkd.etsi014.Etsi014Client;
import org.sdqkd.etsi014.api.Etsi014Exception;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeyException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ETSI GS QKD 014 key source: an adapter from the {@code etsi014} module's client ({@code enc_keys} and
 * {@code dec_keys} over HTTPS with the SAE's client certificate, each call bounded by the timeout as a whole) to
 * {@link org.sdqkd.ssh.qkd.api.QkdKeySource}. Each call asks for one {@value Wire#QKD_KEY_BITS}-bit key; the answer
 * must hold exactly one key of that size (with the key_ID asked for, for {@code dec_keys}). Failures map to reasons:
 * HTTP 400/401/403/404 and TLS failures are {@link Reason#REFUSED}, 5xx, time-outs and unreachable KMEs
 * {@link Reason#UNAVAILABLE}, anything else {@link Reason#INVALID}. Messages and logs name key_IDs, never keys.
 */
public final class Etsi014KeySource implements CloseableKeySource {
    private static final Logger LOG = LoggerFactory.getLogger(Etsi014KeySource.class);
    private static final KeyRequest ONE_KEY = KeyRequest.of(1, Wire.QKD_KEY_BITS);

    private final String localSaeId;
    private final URI kmeUrl;
    private final Etsi014Client client;

    /**
     * Makes the key source.
     *
     * @param kmeUrl     the KME's base URL, https
     * @param tls        the SAE's TLS context
     * @param localSaeId the SAE ID, not blank
     * @param timeout    positive
     */
    public Etsi014KeySource(final URI kmeUrl, final SSLContext tls, final String localSaeId, final Duration timeout) {
        if (localSaeId.isBlank()) {
            throw new IllegalArgumentException("blank SAE ID");
        }
        this.client = Etsi014Client.https(kmeUrl, tls, timeout);
        this.kmeUrl = kmeUrl;
        this.localSaeId = localSaeId;
    }

    @Override
    public String localSaeId() {
        return localSaeId;
    }

    @Override
    public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
        final long start = System.nanoTime();
        final KeyContainer keys;
        try {
            keys = client.encKeys(peerSaeId, ONE_KEY);
        } catch (Etsi014Exception e) {
            throw failure(e);
        }
        return single(keys, "enc_keys", peerSaeId, null, start);
    }

    @Override
    public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
        final long start = System.nanoTime();
        final KeyContainer keys;
        try {
            keys = client.decKeys(peerSaeId, KeyIds.of(List.of(keyId)));
        } catch (Etsi014Exception e) {
            throw failure(e);
        }
        return single(keys, "dec_keys", peerSaeId, keyId, start);
    }

    /** The one key of the right size (and key_ID) in the container; the others are erased. */
    private QkdKey single(final KeyContainer keys, final String operation, final String peerSaeId,
            final UUID expected, final long start) throws QkdKeyException {
        final String call = operation + " at " + kmeUrl + " for SAE " + peerSaeId;
        if (keys.keys().size() != 1) {
            keys.erase();
            throw new QkdKeyException(Reason.INVALID, call + ": expected one key, got " + keys.keys().size());
        }
        final QkdKey key = keys.keys().getFirst();
        if (key.length() != Wire.QKD_KEY_LENGTH) {
            key.erase();
            throw new QkdKeyException(Reason.INVALID, call + ": expected a " + Wire.QKD_KEY_BITS + "-bit key, got "
                + key.length() * 8 + " bits");
        }
        if (expected != null && !expected.equals(key.id())) {
            key.erase();
            throw new QkdKeyException(Reason.INVALID, call + ": asked for key_ID " + expected + ", got " + key.id());
        }
        LOG.debug("{}: key_ID {} in {} ms", call, key.id(), (System.nanoTime() - start) / 1_000_000);
        return key;
    }

    private static QkdKeyException failure(final Etsi014Exception e) {
        final Reason reason = switch (e.failure()) {
            case HTTP_STATUS -> {
                final int status = e.httpStatus();
                yield status >= 500 ? Reason.UNAVAILABLE
                    : status == 400 || status == 401 || status == 403 || status == 404 ? Reason.REFUSED
                    : Reason.INVALID;
            }
            case TIMEOUT, UNREACHABLE, CLOSED -> Reason.UNAVAILABLE;
            case TLS -> Reason.REFUSED;
            case MALFORMED -> Reason.INVALID;
        };
        return new QkdKeyException(reason, e.getMessage(), e);
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "Etsi014KeySource[" + localSaeId + " at " + kmeUrl + "]";
    }
}

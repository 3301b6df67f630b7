package org.sdqkd.qkd.node.impl.kme;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.sdqkd.tls.api.TlsIdentity;

/**
 * The SAE ID of a request's caller: the CN of the client certificate that TLS verified against the trusted CA. A
 * request without a certificate, a certificate without a CN and a node certificate (one naming a {@code qkdn_id})
 * are refused with 401. The answers are cached per certificate.
 */
final class SaeIdentities {
    private static final int CACHE_LIMIT = 4096;

    /** What a certificate proves: an SAE ID or a reason to refuse. */
    private record Verdict(String saeId, String refusal) {
    }

    private final Map<X509Certificate, Verdict> cache = new ConcurrentHashMap<>();

    /**
     * The caller's SAE ID.
     *
     * @param request the request
     * @return the SAE ID
     * @throws KmeError a 401 when the request proves none
     */
    String caller(final Request request) throws KmeError {
        final Object data = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
        final X509Certificate[] chain = data instanceof EndPoint.SslSessionData ssl ? ssl.peerCertificates() : null;
        if (chain == null || chain.length == 0) {
            throw new KmeError(401, "a client certificate is required (the SAE's, issued by the network's CA)",
                List.of());
        }
        Verdict verdict = cache.get(chain[0]);
        if (verdict == null) {
            verdict = judge(chain[0]);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(chain[0], verdict);
        }
        if (verdict.refusal() != null) {
            throw new KmeError(401, verdict.refusal(), List.of());
        }
        return verdict.saeId();
    }

    private static Verdict judge(final X509Certificate certificate) {
        if (TlsIdentity.nodeId(certificate).isPresent()) {
            return new Verdict(null, "a node certificate is not an SAE identity");
        }
        return TlsIdentity.commonName(certificate).filter(cn -> !cn.isEmpty())
            .map(cn -> new Verdict(cn, null))
            .orElseGet(() -> new Verdict(null, "the client certificate has no CN (SAE ID)"));
    }
}

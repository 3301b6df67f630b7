package org.sdqkd.tls.api;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;

/**
 * Reads the key exchange group a Bouncy Castle JSSE socket negotiated. BCJSSE 1.84 has no public accessor for it,
 * so this reads the connection's {@link TlsContext} (public API of {@code org.bouncycastle.tls}) through the
 * socket's protocol peer field, by reflection. When that is not possible (another BC version, or the provider on
 * the module path without the package opened), it fails: a caller that requires the hybrid group then refuses the
 * connection rather than assuming it.
 */
final class NegotiatedGroup {
    private NegotiatedGroup() {
    }

    /**
     * The negotiated group's name, e.g. {@code X25519MLKEM768}.
     *
     * @param socket a handshaken BCJSSE socket
     * @return the group's name
     * @throws SSLHandshakeException when the group cannot be read
     */
    static String of(final SSLSocket socket) throws SSLHandshakeException {
        try {
            final Field peerField = field(socket.getClass(), "protocolPeer");
            peerField.setAccessible(true);
            final Object peer = peerField.get(socket);
            if (peer == null) {
                throw new SSLHandshakeException("the TLS connection has no handshake yet");
            }
            final Method contextMethod = peer.getClass().getMethod("getTlsContext");
            contextMethod.setAccessible(true);
            final TlsContext context = (TlsContext) contextMethod.invoke(peer);
            final SecurityParameters parameters = context.getSecurityParametersConnection();
            if (parameters == null) {
                throw new SSLHandshakeException("the TLS connection has no negotiated parameters");
            }
            return NamedGroup.getName(parameters.getNegotiatedGroup());
        } catch (ReflectiveOperationException | RuntimeException e) {
            final SSLHandshakeException failure = new SSLHandshakeException(
                "cannot read the negotiated TLS group from Bouncy Castle's JSSE: " + e);
            failure.initCause(e);
            throw failure;
        }
    }

    private static Field field(final Class<?> type, final String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}

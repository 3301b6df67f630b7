package org.sdqkd.tls.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.Socket;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLParameters;
import org.bouncycastle.jsse.BCSSLSocket;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * A "PQC TLS context": TLS 1.3 only, mutual authentication with a {@link TlsIdentity}, and the hybrid
 * post-quantum key exchange X25519MLKEM768 through Bouncy Castle's JSSE provider (the JDK's provider lacks it),
 * required unless the {@link PqcPolicy} allows classical groups. The providers are private to this class (not
 * installed in the JVM), so other TLS endpoints of the process keep the JDK's.
 */
public final class PqcTls {
    /** The hybrid ML-KEM-768 + X25519 TLS named group (IANA 0x11EC). */
    public static final String HYBRID_GROUP = "X25519MLKEM768";
    /** The TLS protocol used. */
    public static final String PROTOCOL = "TLSv1.3";

    private static final BouncyCastleJsseProvider JSSE = new BouncyCastleJsseProvider(new BouncyCastleProvider());

    private final SSLContext context;
    private final PqcPolicy policy;

    private PqcTls(final SSLContext context, final PqcPolicy policy) {
        this.context = context;
        this.policy = policy;
    }

    /**
     * A context for this identity: it presents the identity's chain and trusts peers whose chain leads to the
     * identity's trusted CAs (PKIX).
     *
     * @param identity the endpoint's identity
     * @param policy   the key exchanges allowed
     * @return the context
     */
    public static PqcTls of(final TlsIdentity identity, final PqcPolicy policy) {
        requireNonNull(identity);
        try {
            final KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX", JSSE);
            keys.init(identity.keyStore(), identity.keyStorePassword().toCharArray());
            final TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX", JSSE);
            trust.init(identity.trustStore());
            final SSLContext context = SSLContext.getInstance("TLSv1.3", JSSE);
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return new PqcTls(context, requireNonNull(policy));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context with Bouncy Castle: " + e.getMessage(), e);
        }
    }

    /** The policy of this context. */
    public PqcPolicy policy() {
        return policy;
    }

    /** The underlying context (sockets made from it directly are not yet restricted: use {@link #configure}). */
    public SSLContext sslContext() {
        return context;
    }

    /**
     * Layers TLS over a connected TCP socket, restricted by {@link #configure}; the handshake has not started.
     * Closing the TCP socket (e.g. at a handshake deadline) unblocks a handshake in progress at once.
     *
     * @param tcp    the connected socket (closed with the TLS socket)
     * @param client whether this end is the TLS client
     * @return the TLS socket
     * @throws IOException when the socket cannot be layered
     */
    public SSLSocket wrap(final Socket tcp, final boolean client) throws IOException {
        final InetSocketAddress remote = (InetSocketAddress) tcp.getRemoteSocketAddress();
        final SSLSocket socket = (SSLSocket) context.getSocketFactory()
            .createSocket(tcp, remote.getHostString(), remote.getPort(), true);
        configure(socket, client);
        return socket;
    }

    /**
     * Restricts a socket of this context to TLS 1.3, the policy's named groups and (server side) a required
     * client certificate.
     *
     * @param socket a socket made by this context
     * @param client whether this end is the client
     */
    public void configure(final SSLSocket socket, final boolean client) {
        if (!(socket instanceof BCSSLSocket bc)) {
            throw new IllegalArgumentException("not a socket of a PqcTls context");
        }
        socket.setEnabledProtocols(new String[] {PROTOCOL});
        socket.setUseClientMode(client);
        if (!client) {
            socket.setNeedClientAuth(true);
        }
        final BCSSLParameters parameters = bc.getParameters();
        parameters.setNamedGroups(policy.namedGroups().toArray(String[]::new));
        parameters.setUseNamedGroupsOrder(true);
        parameters.setEarlyKeyShares(new String[] {HYBRID_GROUP});
        bc.setParameters(parameters);
    }

    /**
     * The key exchange group a handshaken socket of this context negotiated.
     *
     * @param socket the socket, after its handshake
     * @return the group's name, e.g. {@value #HYBRID_GROUP}
     * @throws SSLHandshakeException when it cannot be read
     */
    public static String negotiatedGroup(final SSLSocket socket) throws SSLHandshakeException {
        return NegotiatedGroup.of(socket);
    }

    /**
     * Checks a handshaken socket against the policy: under {@link PqcPolicy#REQUIRED} the negotiated group must be
     * the hybrid one. The caller closes the socket when this throws.
     *
     * @param socket the socket, after its handshake
     * @return the negotiated group
     * @throws SSLHandshakeException when the policy is not met or the group cannot be read
     */
    public String verify(final SSLSocket socket) throws SSLHandshakeException {
        final String group = negotiatedGroup(socket);
        if (policy == PqcPolicy.REQUIRED && !HYBRID_GROUP.equals(group)) {
            throw new SSLHandshakeException("the peer negotiated " + group + " where " + HYBRID_GROUP
                + " is required");
        }
        return group;
    }
}

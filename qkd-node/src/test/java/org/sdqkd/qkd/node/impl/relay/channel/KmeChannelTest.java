package org.sdqkd.qkd.node.impl.relay.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.qkd.node.testing.TestPki;
import org.sdqkd.tls.api.PqcPolicy;
import org.sdqkd.tls.api.PqcTls;
import org.sdqkd.tls.api.TlsIdentity;

/** The KME-to-KME channel: hybrid PQC TLS 1.3, peer pinning, refusals, frames, the handshake deadline. */
final class KmeChannelTest {
    private static final UUID NORTE = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID ALMAGRO = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final UUID CONCEPCION = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;
    private TestPki pki;
    private final java.util.Map<String, TlsIdentity> identities = new java.util.HashMap<>();
    private final Recorder serverSide = new Recorder();
    private final Recorder clientSide = new Recorder();

    @BeforeEach
    void pki() {
        pki = TestPki.create(dir.resolve("pki"), "Test CA");
    }

    @Test
    void bothEndsNegotiateTheHybridGroupAndExchangeMessagesInOrder() throws Exception {
        try (ChannelListener listener = listen(ALMAGRO, PqcPolicy.REQUIRED, Set.of(NORTE));
             HelloTap tap = new HelloTap(listener.port());
             KmeChannel channel = KmeChannel.connect(settings("Norte", NORTE, PqcPolicy.REQUIRED), tap.address(),
                 ALMAGRO, clientSide)) {
            assertEquals(HelloTap.X25519MLKEM768, tap.clientGroups().get(5, TimeUnit.SECONDS).getFirst(),
                "the client offers the hybrid group first");
            assertEquals(List.of(HelloTap.X25519MLKEM768), tap.clientShares().get(5, TimeUnit.SECONDS),
                "the client's only key share is the hybrid one");
            assertEquals(HelloTap.X25519MLKEM768, tap.serverShare().get(5, TimeUnit.SECONDS),
                "the server answers with the hybrid group");
            assertEquals("TLSv1.3", channel.protocol());
            assertEquals(PqcTls.HYBRID_GROUP, channel.keyExchangeGroup(), "the client end");
            assertEquals(ALMAGRO, channel.peer());
            for (int i = 0; i < 100; i++) {
                channel.send(7, new byte[] {(byte) i});
            }
            for (int i = 0; i < 100; i++) {
                final Recorder.Message message = serverSide.messages.poll(5, TimeUnit.SECONDS);
                assertEquals(NORTE, message.peer());
                assertEquals(7, message.type());
                assertArrayEquals(new byte[] {(byte) i}, message.payload());
            }
            final KmeChannel back = serverSide.last;
            assertEquals(PqcTls.HYBRID_GROUP, back.keyExchangeGroup(), "the server end");
            back.send(9, new byte[] {42});
            final Recorder.Message reply = clientSide.messages.poll(5, TimeUnit.SECONDS);
            assertEquals(ALMAGRO, reply.peer());
            assertArrayEquals(new byte[] {42}, reply.payload());
        }
    }

    @Test
    void classicalIsUsedOnlyWhenBothAllowIt() throws Exception {
        try (ChannelListener listener = listen(ALMAGRO, PqcPolicy.CLASSICAL_ALLOWED, Set.of(NORTE));
             HelloTap tap = new HelloTap(listener.port());
             SSLSocket classical = classicalClient("Norte", NORTE, tap.address())) {
            classical.startHandshake();
            assertEquals(HelloTap.X25519, tap.serverShare().get(5, TimeUnit.SECONDS));
            classical.getOutputStream().write(new byte[] {0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1});
            classical.getOutputStream().flush();
            final Recorder.Message message = serverSide.messages.poll(5, TimeUnit.SECONDS);
            assertEquals(NORTE, message.peer());
            assertEquals("x25519", serverSide.last.keyExchangeGroup());
        }
    }

    @Test
    void aClassicalOnlyPeerIsRefusedWhenPqcIsRequired() throws Exception {
        try (ChannelListener listener = listen(ALMAGRO, PqcPolicy.REQUIRED, Set.of(NORTE));
             SSLSocket classical = classicalClient("Norte", NORTE,
                 new InetSocketAddress(LOOPBACK, listener.port()))) {
            assertThrows(IOException.class, () -> {
                classical.startHandshake();
                classical.getOutputStream().write(new byte[13]);
                classical.getOutputStream().flush();
                assertEquals(-1, classical.getInputStream().read());
            });
        }
        try (ChannelListener listener = listen(ALMAGRO, PqcPolicy.REQUIRED, Set.of(NORTE));
             SSLSocket p256 = classicalClient("Norte", NORTE, new InetSocketAddress(LOOPBACK, listener.port()),
                 "secp256r1")) {
            int read;
            try {
                p256.startHandshake();
                p256.getOutputStream().write(new byte[] {0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1});
                p256.getOutputStream().flush();
                read = p256.getInputStream().read();
            } catch (IOException e) {
                read = -1;
            }
            assertEquals(-1, read, "a handshake that negotiated secp256r1 is closed by the listener");
        }
        assertTrue(serverSide.messages.isEmpty());
        assertThrows(IOException.class, () -> {
            KmeChannel.connect(settings("Norte", NORTE, PqcPolicy.REQUIRED),
                new InetSocketAddress(LOOPBACK, jdkServerPort()), ALMAGRO, clientSide).close();
        }, "a required client refuses a server that has only classical groups");
    }

    @Test
    void aPeerOfAnotherCaIsRefused() throws Exception {
        final TestPki other = TestPki.create(dir.resolve("other"), "Other CA");
        final PqcTls stranger = PqcTls.of(other.node("Norte", NORTE), PqcPolicy.REQUIRED);
        try (ChannelListener listener = listen(ALMAGRO, PqcPolicy.REQUIRED, Set.of(NORTE))) {
            assertThrows(IOException.class, () -> KmeChannel.connect(ChannelSettings.of(NORTE, stranger),
                new InetSocketAddress(LOOPBACK, listener.port()), ALMAGRO, clientSide));
        }
        assertTrue(serverSide.messages.isEmpty());
    }

    @Test
    void aPeerCertificateNamingAnotherNodeIsRefused() throws Exception {
        try (ChannelListener listener = listen(ALMAGRO, PqcPolicy.REQUIRED, Set.of(NORTE))) {
            final IOException pinned = assertThrows(IOException.class, () -> KmeChannel.connect(
                settings("Norte", NORTE, PqcPolicy.REQUIRED), new InetSocketAddress(LOOPBACK, listener.port()),
                CONCEPCION, clientSide));
            assertTrue(pinned.getMessage().contains(ALMAGRO.toString()), pinned.getMessage());
            try (KmeChannel intruder = KmeChannel.connect(settings("Concepcion", CONCEPCION, PqcPolicy.REQUIRED),
                    new InetSocketAddress(LOOPBACK, listener.port()), ALMAGRO, clientSide)) {
                intruder.send(1, new byte[] {1});
                final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (intruder.isOpen() && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                assertFalse(intruder.isOpen(), "the listener closes a node it does not accept");
            } catch (IOException refusedEarly) {
                // the listener's close may already reach the handshake's end
            }
        }
        assertTrue(serverSide.messages.isEmpty());
    }

    @Test
    void aSilentConnectionIsClosedAtTheHandshakeDeadline() throws Exception {
        final ChannelSettings quick = new ChannelSettings(ALMAGRO,
            PqcTls.of(identity("Almagro", ALMAGRO), PqcPolicy.REQUIRED), Duration.ofMillis(300),
            ChannelSettings.DEFAULT_MAX_FRAME_BYTES);
        try (ChannelListener listener = ChannelListener.listen(quick, LOOPBACK, 0, Set.of(NORTE)::contains,
                peer -> serverSide);
             Socket silent = new Socket(LOOPBACK, listener.port())) {
            silent.setSoTimeout(10_000);
            final InputStream in = silent.getInputStream();
            assertEquals(-1, in.read(), "closed without a byte sent");
        }
    }

    private int jdkServerPort() throws IOException {
        final var server = (javax.net.ssl.SSLServerSocket) identity("Almagro", ALMAGRO).sslContext()
            .getServerSocketFactory().createServerSocket(0, 1, LOOPBACK);
        final SSLParameters parameters = server.getSSLParameters();
        parameters.setNamedGroups(new String[] {"x25519"});
        parameters.setNeedClientAuth(true);
        server.setSSLParameters(parameters);
        Thread.ofVirtual().start(() -> {
            try (server; SSLSocket socket = (SSLSocket) server.accept()) {
                socket.startHandshake();
            } catch (IOException e) {
                // the client refuses
            }
        });
        return server.getLocalPort();
    }

    private SSLSocket classicalClient(final String name, final UUID id, final InetSocketAddress address)
            throws IOException {
        return classicalClient(name, id, address, "x25519");
    }

    private SSLSocket classicalClient(final String name, final UUID id, final InetSocketAddress address,
            final String group) throws IOException {
        final TlsIdentity identity = identity(name, id);
        final SSLSocket socket = (SSLSocket) identity.sslContext().getSocketFactory()
            .createSocket(address.getAddress(), address.getPort());
        final SSLParameters parameters = socket.getSSLParameters();
        parameters.setNamedGroups(new String[] {group});
        parameters.setProtocols(new String[] {"TLSv1.3"});
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private ChannelListener listen(final UUID self, final PqcPolicy policy, final Set<UUID> peers)
            throws IOException {
        return ChannelListener.listen(settings("Almagro", self, policy), LOOPBACK, 0, peers::contains,
            peer -> serverSide);
    }

    private ChannelSettings settings(final String name, final UUID id, final PqcPolicy policy) {
        return ChannelSettings.of(id, PqcTls.of(identity(name, id), policy));
    }

    private TlsIdentity identity(final String name, final UUID id) {
        return identities.computeIfAbsent(name, n -> pki.node(n, id));
    }

    /** Records messages and the last channel they came on. */
    private static final class Recorder implements ChannelHandler {
        private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        private volatile KmeChannel last;

        @Override
        public void onMessage(final KmeChannel channel, final int type, final byte[] payload) {
            last = channel;
            messages.add(new Message(channel.peer(), type, payload));
        }

        @Override
        public void onClose(final KmeChannel channel, final String reason) {
            // the tests look at the messages
        }

        private record Message(UUID peer, int type, byte[] payload) {
        }
    }
}

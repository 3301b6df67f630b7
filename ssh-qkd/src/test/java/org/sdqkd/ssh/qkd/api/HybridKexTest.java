package org.sdqkd.ssh.qkd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.testing.InMemoryKms;
import org.sdqkd.ssh.qkd.testing.RecordingKeySource;

/** MINA client and server agree on each hybrid method, and every way of getting the QKD key wrong fails cleanly. */
@Timeout(60)
class HybridKexTest {
    private static final String CLIENT_SAE = "sae-controller";
    private static final String SERVER_SAE = "sae-node";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final InMemoryKms kms = new InMemoryKms();
    private final BlockingQueue<Session> serverSessions = new LinkedBlockingQueue<>();
    private final Map<Session, String> disconnects = new ConcurrentHashMap<>();
    private SshServer server;
    private SshClient client;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.stop();
        }
        if (server != null) {
            server.stop(true);
        }
    }

    private void startServer(final SshQkdSettings settings, final QkdKeySource source) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPasswordAuthenticator((user, password, session) -> "secret".equals(password));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(final Session session) {
                serverSessions.add(session);
            }
        });
        SshQkd.installServer(server, settings, source);
        server.start();
    }

    private ClientSession connect(final ClientQkd qkd, final boolean standardOnly) throws IOException {
        if (client == null) {
            client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
            SshQkd.installClient(client);
            client.addSessionListener(new SessionListener() {
                @Override
                public void sessionDisconnect(final Session session, final int reason, final String msg,
                        final String language, final boolean initiator) {
                    disconnects.merge(session, msg, (a, b) -> a + " | " + b);
                }
            });
            client.start();
        }
        final Map<AttributeKey<?>, Object> attributes = new HashMap<>();
        if (qkd != null) {
            SshQkd.addClientContext(attributes, qkd, standardOnly);
        }
        final ClientSession session = client.connect("admin", "127.0.0.1", server.getPort(),
            AttributeRepository.ofAttributesMap(attributes), null).verify(WAIT).getSession();
        session.addPasswordIdentity("secret");
        return session;
    }

    private static SshQkdSettings serverSettings(final KexPolicy policy) {
        return SshQkdSettings.of(policy).withPeers(Set.of(CLIENT_SAE));
    }

    private ClientQkd clientQkd(final KexPolicy policy, final QkdKeySource source) {
        return new ClientQkd(SshQkdSettings.of(policy), source, SERVER_SAE);
    }

    private Session serverSession() throws InterruptedException {
        final Session session = serverSessions.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(session != null, "the server saw no connection");
        return session;
    }

    @ParameterizedTest
    @EnumSource(HybridMethod.class)
    void eachMethodAgreesOnOneQkdKeyTakenOnceAtEachEnd(final HybridMethod method) throws Exception {
        startServer(serverSettings(KexPolicy.REQUIRED).withMethods(List.of(method)), kms.source(SERVER_SAE));
        try (ClientSession session = connect(clientQkd(KexPolicy.REQUIRED, kms.source(CLIENT_SAE)), false)) {
            session.auth().verify(WAIT);
            assertEquals(method.sshName(), session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS));
            final QkdExchange atClient = SshQkd.lastExchange(session).orElseThrow();
            final QkdExchange atServer = SshQkd.lastExchange(serverSession()).orElseThrow();
            assertEquals(atClient.keyId(), atServer.keyId());
            assertEquals(method, atServer.method());
            assertEquals(CLIENT_SAE, atServer.peerSaeId());
            assertEquals(SERVER_SAE, atClient.peerSaeId());
            assertEquals(1, atServer.number());
            assertEquals(1, kms.encKeys());
            assertEquals(1, kms.decKeys());
            assertEquals(0, kms.pending());
        }
    }

    @Test
    void reKeyTakesAFreshQkdKey() throws Exception {
        startServer(serverSettings(KexPolicy.REQUIRED), kms.source(SERVER_SAE));
        try (ClientSession session = connect(clientQkd(KexPolicy.REQUIRED, kms.source(CLIENT_SAE)), false)) {
            session.auth().verify(WAIT);
            final Session atServer = serverSession();
            final UUID first = SshQkd.lastExchange(session).orElseThrow().keyId();
            assertTrue(session.reExchangeKeys().verify(WAIT).isDone());
            final QkdExchange second = await(() -> SshQkd.lastExchange(atServer).filter(x -> x.number() == 2));
            assertNotEquals(first, second.keyId());
            assertEquals(second.keyId(), await(() -> SshQkd.lastExchange(session).filter(x -> x.number() == 2))
                .keyId());
            assertEquals(2, kms.encKeys());
            assertEquals(2, kms.decKeys());
        }
    }

    @Test
    void preferredServerStillTakesStandardClients() throws Exception {
        startServer(serverSettings(KexPolicy.PREFERRED), kms.source(SERVER_SAE));
        try (ClientSession session = connect(null, false)) {
            session.auth().verify(WAIT);
            final String method = session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
            assertEquals(null, HybridMethod.ofSshName(method), method);
            assertTrue(SshQkd.lastExchange(session).isEmpty());
            assertEquals(0, kms.encKeys());
        }
    }

    @Test
    void preferredClientAndServerUseTheHybridMethodFirst() throws Exception {
        startServer(serverSettings(KexPolicy.PREFERRED), kms.source(SERVER_SAE));
        try (ClientSession session = connect(clientQkd(KexPolicy.PREFERRED, kms.source(CLIENT_SAE)), false)) {
            session.auth().verify(WAIT);
            assertEquals(HybridMethod.MLKEM768_X25519_QKD.sshName(),
                session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS));
        }
    }

    @Test
    void requiredServerRefusesAStandardClient() throws Exception {
        startServer(serverSettings(KexPolicy.REQUIRED), kms.source(SERVER_SAE));
        final Exception failure = assertThrows(Exception.class, () -> {
            try (ClientSession session = connect(clientQkd(KexPolicy.OFF, null), false)) {
                session.auth().verify(WAIT);
            }
        });
        assertTrue(String.valueOf(failure.getMessage()).contains("key exchange")
            || String.valueOf(failure.getMessage()).toLowerCase().contains("kex"), failure.toString());
        assertEquals(0, kms.encKeys());
    }

    @Test
    void unknownKeyIdIsRefusedByTheServer() throws Exception {
        startServer(serverSettings(KexPolicy.REQUIRED), kms.source(SERVER_SAE));
        final QkdKeySource forged = fixed(CLIENT_SAE, new QkdKey(UUID.randomUUID(), new byte[32]));
        final ClientSession session = connect(clientQkd(KexPolicy.REQUIRED, forged), false);
        assertFails(session, "QKD key refused at the server");
        assertEquals(Optional.of(QkdKeyException.Reason.REFUSED), SshQkd.keyFailure(session));
        assertFalse(SshQkd.fallbackPermitted(session));
    }

    @Test
    void aKeyIdUsedBeforeIsRefused() throws Exception {
        startServer(serverSettings(KexPolicy.REQUIRED), kms.source(SERVER_SAE));
        final AtomicReference<QkdKey> used = new AtomicReference<>();
        final QkdKeySource recording = new RecordingKeySource(kms.source(CLIENT_SAE)) {
            @Override
            public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
                final QkdKey key = super.newKey(peerSaeId);
                used.set(new QkdKey(key.id(), key.material()));
                return key;
            }
        };
        try (ClientSession session = connect(clientQkd(KexPolicy.REQUIRED, recording), false)) {
            session.auth().verify(WAIT);
        }
        serverSession();
        final ClientSession replay = connect(clientQkd(KexPolicy.REQUIRED, fixed(CLIENT_SAE, used.get())), false);
        assertFails(replay, "QKD key refused at the server");
        assertEquals(1, kms.decKeys());
    }

    @Test
    void aTamperedKeyIdIsRefusedAndTheRealKeyStaysUnused() throws Exception {
        startServer(serverSettings(KexPolicy.REQUIRED), kms.source(SERVER_SAE));
        final QkdKeySource tampering = new RecordingKeySource(kms.source(CLIENT_SAE)) {
            @Override
            public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
                final QkdKey key = super.newKey(peerSaeId);
                final UUID id = key.id();
                return new QkdKey(new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() ^ 1),
                    key.material());
            }
        };
        final ClientSession session = connect(clientQkd(KexPolicy.REQUIRED, tampering), false);
        assertFails(session, "QKD key refused at the server");
        assertEquals(1, kms.pending(), "the key the client really took is still at the server's KME");
    }

    @Test
    void aServerWhoseKmeGivesAnotherKeyFailsTheHostSignature() throws Exception {
        final QkdKeySource lying = new RecordingKeySource(kms.source(SERVER_SAE)) {
            @Override
            public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
                final byte[] other = super.keyById(peerSaeId, keyId).material();
                other[0] ^= 1;
                return new QkdKey(keyId, other);
            }
        };
        startServer(serverSettings(KexPolicy.REQUIRED), lying);
        final ClientSession session = connect(clientQkd(KexPolicy.REQUIRED, kms.source(CLIENT_SAE)), false);
        assertFails(session, "signature");
        assertTrue(SshQkd.lastExchange(session).isEmpty());
    }

    @Test
    void anUnreachableServerKmeFailsTheExchangeAndOnlyAConfiguredFallbackMayBypassIt() throws Exception {
        kms.setDown(SERVER_SAE, true);
        startServer(serverSettings(KexPolicy.PREFERRED), kms.source(SERVER_SAE));
        final ClientSession strict = connect(clientQkd(KexPolicy.PREFERRED, kms.source(CLIENT_SAE)), false);
        assertFails(strict, "QKD key unavailable at the server");
        assertEquals(Optional.of(QkdKeyException.Reason.UNAVAILABLE), SshQkd.keyFailure(strict));
        assertFalse(SshQkd.fallbackPermitted(strict), "no fallback unless configured");

        final ClientQkd lenient = new ClientQkd(SshQkdSettings.of(KexPolicy.PREFERRED).withFallbackOnKmeFailure(true),
            kms.source(CLIENT_SAE), SERVER_SAE);
        final ClientSession first = connect(lenient, false);
        assertFails(first, "QKD key unavailable at the server");
        assertTrue(SshQkd.fallbackPermitted(first));
        try (ClientSession second = connect(lenient, true)) {
            second.auth().verify(WAIT);
            final String method = second.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
            assertEquals(null, HybridMethod.ofSshName(method), method);
        }
    }

    @Test
    void anUnreachableClientKmeFailsBeforeTheClientSendsItsKeys() throws Exception {
        kms.setDown(CLIENT_SAE, true);
        startServer(serverSettings(KexPolicy.REQUIRED), kms.source(SERVER_SAE));
        final ClientSession session = connect(clientQkd(KexPolicy.REQUIRED, kms.source(CLIENT_SAE)), false);
        assertFails(session, null);
        assertEquals(Optional.of(QkdKeyException.Reason.UNAVAILABLE), SshQkd.keyFailure(session));
        assertEquals(0, kms.decKeys());
    }

    @Test
    void aClientSaeThatIsNotAPeerIsRefused() throws Exception {
        startServer(SshQkdSettings.of(KexPolicy.REQUIRED).withPeers(Set.of("sae-someone-else")),
            kms.source(SERVER_SAE));
        final ClientSession session = connect(clientQkd(KexPolicy.REQUIRED, kms.source(CLIENT_SAE)), false);
        assertFails(session, "QKD key refused at the server");
        assertEquals(1, kms.pending());
    }

    private void assertFails(final ClientSession session, final String disconnectMessage) throws Exception {
        assertThrows(Exception.class, () -> session.auth().verify(WAIT));
        assertTrue(session.waitFor(List.of(ClientSession.ClientSessionEvent.CLOSED), WAIT)
            .contains(ClientSession.ClientSessionEvent.CLOSED), "the connection is closed");
        if (disconnectMessage != null) {
            final String seen = disconnects.getOrDefault(session, "");
            assertTrue(seen.contains(disconnectMessage), "disconnect message: " + seen);
        }
        assertTrue(SshQkd.lastExchange(session).isEmpty());
    }

    private static <T> T await(final java.util.function.Supplier<Optional<T>> probe) throws InterruptedException {
        final long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            final Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not seen within " + WAIT);
    }

    private static QkdKeySource fixed(final String sae, final QkdKey key) {
        return new QkdKeySource() {
            @Override
            public String localSaeId() {
                return sae;
            }

            @Override
            public QkdKey newKey(final String peerSaeId) {
                return new QkdKey(key.id(), key.material());
            }

            @Override
            public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
                throw new QkdKeyException(QkdKeyException.Reason.REFUSED, "not a slave");
            }
        };
    }
}

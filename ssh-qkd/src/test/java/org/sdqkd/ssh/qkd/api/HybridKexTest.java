package org.sdqkd.ssh.qkd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
import org.sdqkd.ssh.qkd.SshQkd;

/** MINA client and server agree on each hybrid method, and every way of getting the QKD key wrong fails cleanly. */
@Timeout(60)
class HybridKexTest {
    private static final String CLIENT_SAE = "sae-controller";
    private static final String SERVER_SAE = "sae-node";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SERVER_MESSAGE = "QKD key exchange failed";
    private static final String KME_URL = "https://kme-node.internal:8443";

    /** A check that may throw. */
    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }

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
        assertFails(session, SERVER_MESSAGE);
        assertEquals(Optional.empty(), SshQkd.keyFailure(session), "the server's reason does not reach the client");
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
        assertFails(replay, SERVER_MESSAGE);
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
        assertFails(session, SERVER_MESSAGE);
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
    void anUnreachableServerKmeFailsTheExchangeEvenWithAConfiguredFallback() throws Exception {
        kms.setDown(SERVER_SAE, true);
        startServer(serverSettings(KexPolicy.PREFERRED), kms.source(SERVER_SAE));
        final ClientSession strict = connect(clientQkd(KexPolicy.PREFERRED, kms.source(CLIENT_SAE)), false);
        assertFails(strict, SERVER_MESSAGE);
        assertEquals(Optional.empty(), SshQkd.keyFailure(strict), "the server's reason does not reach the client");
        assertFalse(SshQkd.fallbackPermitted(strict), "no fallback unless configured");

        final ClientSession lenient = connect(new ClientQkd(SshQkdSettings.of(KexPolicy.PREFERRED)
            .withFallbackOnKmeFailure(true), kms.source(CLIENT_SAE), SERVER_SAE), false);
        assertFails(lenient, SERVER_MESSAGE);
        assertFalse(SshQkd.fallbackPermitted(lenient), "what the server says before NEWKEYS never allows it");
    }

    @Test
    void anUnreachableClientKmeAllowsOnlyAConfiguredFallback() throws Exception {
        kms.setDown(CLIENT_SAE, true);
        startServer(serverSettings(KexPolicy.PREFERRED), kms.source(SERVER_SAE));
        final ClientSession strict = connect(clientQkd(KexPolicy.PREFERRED, kms.source(CLIENT_SAE)), false);
        assertFails(strict, null);
        assertEquals(Optional.of(QkdKeyException.Reason.UNAVAILABLE), SshQkd.keyFailure(strict));
        assertFalse(SshQkd.fallbackPermitted(strict), "no fallback unless configured");

        final ClientQkd lenient = new ClientQkd(SshQkdSettings.of(KexPolicy.PREFERRED).withFallbackOnKmeFailure(true),
            kms.source(CLIENT_SAE), SERVER_SAE);
        final ClientSession first = connect(lenient, false);
        assertFails(first, null);
        assertTrue(SshQkd.fallbackPermitted(first));
        try (ClientSession second = connect(lenient, true)) {
            second.auth().verify(WAIT);
            final String method = second.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
            assertEquals(null, HybridMethod.ofSshName(method), method);
        }
        assertEquals(0, kms.encKeys() + kms.decKeys());
    }

    @Test
    void aClientKmeThatRefusesAllowsNoFallback() throws Exception {
        startServer(serverSettings(KexPolicy.PREFERRED), kms.source(SERVER_SAE));
        final QkdKeySource refusing = new RecordingKeySource(kms.source(CLIENT_SAE)) {
            @Override
            public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
                throw new QkdKeyException(QkdKeyException.Reason.REFUSED, "unknown SAE pair");
            }
        };
        final ClientSession session = connect(new ClientQkd(SshQkdSettings.of(KexPolicy.PREFERRED)
            .withFallbackOnKmeFailure(true), refusing, SERVER_SAE), false);
        assertFails(session, null);
        assertEquals(Optional.of(QkdKeyException.Reason.REFUSED), SshQkd.keyFailure(session));
        assertFalse(SshQkd.fallbackPermitted(session));
    }

    @ParameterizedTest
    @EnumSource(QkdKeyException.Reason.class)
    void theServerTellsTheClientOneFixedPhraseAndLogsTheDetail(final QkdKeyException.Reason reason)
            throws Exception {
        final byte[] shortKey = {0x5a, 0x3c, 0x7e, 0x11, 0x42, 0x24, 0x6b, 0x19};
        final QkdKeySource failing = new RecordingKeySource(kms.source(SERVER_SAE)) {
            @Override
            public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
                super.keyById(peerSaeId, keyId);
                return switch (reason) {
                    case UNAVAILABLE -> throw new QkdKeyException(reason, "KME " + KME_URL + " for SAE " + SERVER_SAE
                        + ": status 503, no key for master " + peerSaeId);
                    case REFUSED -> throw new QkdKeyException(reason, "KME " + KME_URL + ": status 404, key_ID "
                        + keyId + " is not a key of master " + peerSaeId);
                    case INVALID -> new QkdKey(keyId, shortKey);
                };
            }
        };
        startServer(serverSettings(KexPolicy.REQUIRED), failing);
        final RecordingKeySource taken = new RecordingKeySource(kms.source(CLIENT_SAE));
        final String log = capturingStandardError(() -> {
            final ClientSession session = connect(clientQkd(KexPolicy.REQUIRED, taken), false);
            assertFails(session, SERVER_MESSAGE);
            assertEquals(SERVER_MESSAGE, disconnects.get(session), "the whole disconnect message");
            assertEquals(Optional.empty(), SshQkd.keyFailure(session));
        });
        final String warning = log.lines().filter(line -> line.contains("WARN") && line.contains(
            "QKD key " + reason.name().toLowerCase(Locale.ROOT) + " at the server")).findFirst()
            .orElseThrow(() -> new AssertionError("no WARN line with the reason: " + log));
        assertTrue(warning.contains("SAE " + CLIENT_SAE), warning);
        assertTrue(warning.contains("key_ID " + taken.newKeyIds().getFirst()), warning);
        assertTrue(reason == QkdKeyException.Reason.INVALID ? warning.contains("does not fit key_ID")
            : warning.contains(KME_URL), warning);
        assertFalse(log.contains(HexFormat.of().formatHex(shortKey)), "no key bytes in the log");
        assertFalse(log.contains(Base64.getEncoder().encodeToString(shortKey)), "no key bytes in the log");
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
        assertFails(session, SERVER_MESSAGE);
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

    /** Runs the check with standard error, where slf4j-simple logs, captured, and returns what was logged. */
    private static String capturingStandardError(final Check check) throws Exception {
        final PrintStream original = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            check.run();
        } finally {
            System.setErr(original);
        }
        final String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
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

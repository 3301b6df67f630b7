package org.sdqkd.netconf.interop.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.NetconfConnectException;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.server.testing.TestAgent;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeySource;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.ssh.qkd.api.ServerQkd;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;
import org.sdqkd.ssh.qkd.testing.InMemoryKms;
import org.sdqkd.ssh.qkd.testing.RecordingKeySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * sdqkd's NETCONF client and agent over the hybrid QKD key exchange: every operation of {@link ClientChecks} over each
 * method, session monitoring with the key_ID, re-keys during a long session, the explicit fallback (the client's own
 * KME only, never the agent's word nor a forged one), and failures that end the connection attempt within the key
 * source's timeout.
 */
@Timeout(180)
class HybridNetconfSessionTest {
    private static final String CLIENT_SAE = "sae-controller";
    private static final String AGENT_SAE = "sae-agent";
    private static final String SSH_QKD = "urn:sdqkd:yang:sdqkd-ssh-qkd";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The whole disconnect message of the agent for every QKD failure. */
    private static final String AGENT_MESSAGE = "QKD key exchange failed";

    private final InMemoryKms kms = new InMemoryKms();
    private final List<RecordingKeySource> recorders = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closers = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closer : closers.reversed()) {
            closer.close();
        }
    }

    private TestAgent agent(final SshQkdSettings settings, final QkdKeySource source) throws Exception {
        final TestAgent agent = TestAgent.start(s -> s.withSsh(s.ssh().withQkd(new ServerQkd(
            settings.withPeers(Set.of(CLIENT_SAE)), source))));
        closers.add(agent);
        return agent;
    }

    private NetconfClient client() {
        final NetconfClient client = NetconfClient.create();
        closers.add(client);
        return client;
    }

    private ConnectOptions options(final TestAgent agent, final ClientQkd qkd) {
        return options(agent, qkd, Duration.ofSeconds(20));
    }

    private ConnectOptions options(final TestAgent agent, final ClientQkd qkd, final Duration connectTimeout) {
        return options(agent.port(), qkd, connectTimeout);
    }

    private ConnectOptions options(final int port, final ClientQkd qkd, final Duration connectTimeout) {
        final ConnectOptions.Builder builder = ConnectOptions.builder("127.0.0.1", port, TestAgent.USER)
            .password(TestAgent.USER.toCharArray()).hostKeys(HostKeyVerification.acceptAny())
            .connectTimeout(connectTimeout).helloTimeout(Duration.ofSeconds(20))
            .rpcTimeout(Duration.ofSeconds(30));
        if (qkd != null) {
            builder.qkd(qkd);
        }
        return builder.build();
    }

    private ClientQkd clientQkd(final SshQkdSettings settings, final QkdKeySource source) {
        final RecordingKeySource recorder = new RecordingKeySource(source);
        recorders.add(recorder);
        return new ClientQkd(settings, recorder, AGENT_SAE);
    }

    /** Every key_ID the client's key sources handed out, in order. */
    private List<UUID> taken() {
        return recorders.stream().flatMap(r -> r.newKeyIds().stream()).toList();
    }

    @ParameterizedTest
    @EnumSource(HybridMethod.class)
    void everyOperationPassesOverEachHybridMethod(final HybridMethod method) throws Exception {
        final TestAgent agent = agent(SshQkdSettings.of(KexPolicy.REQUIRED).withMethods(List.of(method)),
            kms.source(AGENT_SAE));
        final NetconfClient client = client();
        final ConnectOptions options = options(agent, clientQkd(SshQkdSettings.of(KexPolicy.REQUIRED),
            kms.source(CLIENT_SAE)));
        final ClientChecks.Report report = new ClientChecks(client, options, DataModel.SDQKD,
            ClientChecks.Settings.defaults()).run();
        assertTrue(report.failures().isEmpty(), report::describe);
        assertEquals(List.of(), report.skipped(), report::describe);
        assertTrue(kms.encKeys() >= 1 && kms.encKeys() == kms.decKeys(), "one key at each end per connection");
        assertEquals(0, kms.pending());

        try (NetconfSession session = client.connect(options).get(30, TimeUnit.SECONDS)) {
            final Map<String, String> kex = keyExchange(session);
            assertEquals(method.sshName(), kex.get("method"));
            assertEquals(taken().getLast().toString(), kex.get("qkd-key-id"));
            assertEquals(CLIENT_SAE, kex.get("qkd-peer-sae-id"));
            assertEquals("1", kex.get("qkd-key-exchanges"));
            assertTrue(kex.containsKey("last-qkd-key-exchange"), kex.toString());
            new NetconfOperations(session).closeSession().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void reKeysDuringALongSessionEachTakeAFreshQkdKey() throws Exception {
        final TestAgent agent = agent(SshQkdSettings.of(KexPolicy.REQUIRED).withRekey(16 * 1024,
            Duration.ofHours(1)), kms.source(AGENT_SAE));
        final NetconfClient client = client();
        try (NetconfSession session = client.connect(options(agent, clientQkd(SshQkdSettings.of(
                KexPolicy.REQUIRED), kms.source(CLIENT_SAE)))).get(30, TimeUnit.SECONDS)) {
            for (int i = 0; i < 40; i++) {
                final List<XmlElement> data = new NetconfOperations(session).get().get(30, TimeUnit.SECONDS);
                assertFalse(data.isEmpty(), "every reply across re-keys is whole");
            }
            final Map<String, String> kex = keyExchange(session);
            final int exchanges = Integer.parseInt(kex.get("qkd-key-exchanges"));
            assertTrue(exchanges >= 3, "re-keys after every 16 KiB: " + kex);
            final List<UUID> keys = taken();
            // the reply may itself have started a re-key whose key the client has taken and the agent not yet
            assertTrue(keys.size() == exchanges || keys.size() == exchanges + 1,
                "one new QKD key per key exchange: " + keys.size() + " keys, " + exchanges + " exchanges");
            assertEquals(keys.get(exchanges - 1).toString(), kex.get("qkd-key-id"),
                "monitoring shows the key of the latest exchange");
            assertEquals(taken().size(), Set.copyOf(taken()).size(), "no key_ID twice");
            assertEquals(kms.encKeys(), kms.decKeys());
            new NetconfOperations(session).closeSession().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnreachableAgentKmeFailsTheConnectionEvenWhenTheClientAllowsFallback() throws Exception {
        kms.setDown(AGENT_SAE, true);
        final TestAgent agent = agent(SshQkdSettings.of(KexPolicy.PREFERRED), kms.source(AGENT_SAE));
        final NetconfClient client = client();
        final ExecutionException strict = assertThrows(ExecutionException.class, () -> client.connect(options(agent,
            clientQkd(SshQkdSettings.of(KexPolicy.PREFERRED), kms.source(CLIENT_SAE)))).get(30, TimeUnit.SECONDS));
        assertInstanceOf(NetconfConnectException.class, strict.getCause());
        assertTrue(causes(strict).contains(AGENT_MESSAGE), causes(strict));
        assertFalse(causes(strict).contains(AGENT_SAE), "no SAE ID reaches the client: " + causes(strict));
        assertTrue(strict.getCause().getMessage().startsWith("the SSH key exchange with "),
            "the failure says the key exchange failed: " + strict.getCause().getMessage());

        // the agent's word is unauthenticated before NEWKEYS, so it never allows the fallback (issue 18)
        final ExecutionException lenient = assertThrows(ExecutionException.class, () -> client.connect(options(agent,
            clientQkd(SshQkdSettings.of(KexPolicy.PREFERRED).withFallbackOnKmeFailure(true), kms.source(CLIENT_SAE))))
            .get(30, TimeUnit.SECONDS));
        assertInstanceOf(NetconfConnectException.class, lenient.getCause());
        assertTrue(causes(lenient).contains(AGENT_MESSAGE), causes(lenient));
        assertTrue(lenient.getCause().getMessage().startsWith("the SSH key exchange with "),
            "the failure says the key exchange failed: " + lenient.getCause().getMessage());
        assertNoSessionLeft(agent);
        assertThrows(IllegalArgumentException.class,
            () -> SshQkdSettings.of(KexPolicy.REQUIRED).withFallbackOnKmeFailure(true));
    }

    @Test
    @Timeout(60)
    @DisplayName("issue 18: a disconnect forged on the path before NEWKEYS, saying the agent's KME has no key, does "
        + "not make a client with fallback connect again with standard methods")
    void aForgedKmeFailureOnThePathDoesNotDowngradeTheClient() throws Exception {
        final TestAgent agent = agent(SshQkdSettings.of(KexPolicy.PREFERRED), kms.source(AGENT_SAE));
        final String forged = "QKD key unavailable at the server: the KME of " + AGENT_SAE + " cannot be reached";
        try (ForgedDisconnectProxy proxy = ForgedDisconnectProxy.start(agent.port(), forged)) {
            final ExecutionException failed = assertFailsWithin(() -> client().connect(options(proxy.port(),
                clientQkd(SshQkdSettings.of(KexPolicy.PREFERRED).withFallbackOnKmeFailure(true),
                    kms.source(CLIENT_SAE)), Duration.ofSeconds(20))).get(30, TimeUnit.SECONDS));
            assertInstanceOf(NetconfConnectException.class, failed.getCause());
            assertTrue(causes(failed).contains(forged), "the failure carries the reason: " + causes(failed));
            assertTrue(failed.getCause().getMessage().startsWith("the SSH key exchange with "),
                "the failure says the key exchange failed (reason 3): " + failed.getCause().getMessage());
            assertEquals(1, proxy.connections(), "the client did not connect again");
            assertEquals(1, proxy.injected(), "the proxy forged the disconnect after the client's message 30");
            Thread.sleep(500);
            assertEquals(1, proxy.connections(), "the client did not connect again later");
            assertEquals(1, taken().size(), "one hybrid attempt, one QKD key taken");
        }
        assertNoSessionLeft(agent);
    }

    @Test
    void aRefusedKeyIsNeverBypassedEvenWithFallback() throws Exception {
        final TestAgent agent = agent(SshQkdSettings.of(KexPolicy.PREFERRED), kms.source(AGENT_SAE));
        final QkdKeySource forged = new QkdKeySource() {
            @Override
            public String localSaeId() {
                return CLIENT_SAE;
            }

            @Override
            public QkdKey newKey(final String peerSaeId) {
                return new QkdKey(UUID.randomUUID(), new byte[32]);
            }

            @Override
            public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
                throw new QkdKeyException(QkdKeyException.Reason.REFUSED, "not a slave");
            }
        };
        final ExecutionException refused = assertThrows(ExecutionException.class, () -> client().connect(
            options(agent, clientQkd(SshQkdSettings.of(KexPolicy.PREFERRED).withFallbackOnKmeFailure(true), forged)))
            .get(30, TimeUnit.SECONDS));
        assertTrue(causes(refused).contains(AGENT_MESSAGE), causes(refused));
        assertNoSessionLeft(agent);
    }

    @Test
    void silentKmesFailTheConnectionWithinTheKeySourceTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            final List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            final URI url = URI.create("https://127.0.0.1:" + silent.getLocalPort());
            final Duration timeout = Duration.ofMillis(800);
            final CloseableKeySource silentSource = QkdKeySources.etsi014(url, SSLContext.getDefault(), AGENT_SAE,
                timeout);
            closers.add(silentSource);
            final CloseableKeySource silentClient = QkdKeySources.etsi014(url, SSLContext.getDefault(), CLIENT_SAE,
                timeout);
            closers.add(silentClient);

            // the client's own KME does not answer
            final TestAgent agent = agent(SshQkdSettings.of(KexPolicy.REQUIRED), kms.source(AGENT_SAE));
            long start = System.nanoTime();
            final ExecutionException atClient = assertThrows(ExecutionException.class, () -> client().connect(
                options(agent, clientQkd(SshQkdSettings.of(KexPolicy.REQUIRED), silentClient)))
                .get(30, TimeUnit.SECONDS));
            final long clientMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(causes(atClient).contains("QKD key unavailable at the client"), causes(atClient));
            assertTrue(clientMillis < 5_000, "failed after " + clientMillis + " ms, timeout 800 ms");

            // the agent's KME does not answer
            // (preferred, so that the standard session of assertNoSessionLeft can look)
            final TestAgent silentAgent = agent(SshQkdSettings.of(KexPolicy.PREFERRED), silentSource);
            start = System.nanoTime();
            final ExecutionException atServer = assertThrows(ExecutionException.class, () -> client().connect(
                options(silentAgent, clientQkd(SshQkdSettings.of(KexPolicy.REQUIRED), kms.source(CLIENT_SAE))))
                .get(30, TimeUnit.SECONDS));
            final long serverMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(causes(atServer).contains(AGENT_MESSAGE), causes(atServer));
            assertTrue(serverMillis < 5_000, "failed after " + serverMillis + " ms, timeout 800 ms");
            assertNoSessionLeft(silentAgent);
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    @Timeout(60)
    void theFallbackIsLoggedAsAWarning() throws Exception {
        kms.setDown(CLIENT_SAE, true);
        final TestAgent agent = agent(SshQkdSettings.of(KexPolicy.PREFERRED), kms.source(AGENT_SAE));
        final PrintStream original = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (NetconfSession session = client().connect(options(agent, clientQkd(SshQkdSettings.of(
                KexPolicy.PREFERRED).withFallbackOnKmeFailure(true), kms.source(CLIENT_SAE))))
                .get(30, TimeUnit.SECONDS)) {
            assertNull(HybridMethod.ofSshName(keyExchange(session).get("method")));
        } finally {
            System.setErr(original);
        }
        final String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.lines().anyMatch(line -> line.contains("WARN") && line.contains(
            "connecting again with standard key exchange methods")), "a WARN line says it fell back: " + log);
        assertTrue(log.lines().anyMatch(line -> line.contains("WARN") && line.contains(
            "because the client's KME had no key")), "a WARN line says whose KME failed: " + log);
    }

    @Test
    @Timeout(30)
    void anotherKeyFromTheAgentKmeFailsTheConnectionWithoutASessionLeft() throws Exception {
        final QkdKeySource real = kms.source(AGENT_SAE);
        final QkdKeySource other = new QkdKeySource() {
            @Override
            public String localSaeId() {
                return real.localSaeId();
            }

            @Override
            public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
                return real.newKey(peerSaeId);
            }

            @Override
            public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
                real.keyById(peerSaeId, keyId);
                // the right key_ID with other key material, as a KME that mixed up its keys would answer
                return new QkdKey(keyId, new byte[32]);
            }
        };
        final TestAgent agent = agent(SshQkdSettings.of(KexPolicy.PREFERRED), other);
        final ExecutionException failed = assertFailsWithin(() -> client().connect(options(agent, clientQkd(
            SshQkdSettings.of(KexPolicy.REQUIRED), kms.source(CLIENT_SAE)), Duration.ofSeconds(5)))
            .get(30, TimeUnit.SECONDS));
        assertInstanceOf(NetconfConnectException.class, failed.getCause());
        System.out.println("agent KME with another key: " + causes(failed));
        // the two ends derived different secrets: the client cannot verify the agent's exchange hash signature
        assertTrue(causes(failed).contains("KeyExchange signature verification failed"), causes(failed));
        assertEquals(1, kms.decKeys(), "the agent took the key, and it did not match");
        assertNoSessionLeft(agent);
    }

    @Test
    @Timeout(30)
    void aDownClientKmeFailsTheConnectionWithoutASessionLeft() throws Exception {
        kms.setDown(CLIENT_SAE, true);
        final TestAgent agent = agent(SshQkdSettings.of(KexPolicy.PREFERRED), kms.source(AGENT_SAE));
        final ExecutionException failed = assertFailsWithin(() -> client().connect(options(agent, clientQkd(
            SshQkdSettings.of(KexPolicy.REQUIRED), kms.source(CLIENT_SAE)), Duration.ofSeconds(5)))
            .get(30, TimeUnit.SECONDS));
        assertInstanceOf(NetconfConnectException.class, failed.getCause());
        assertTrue(causes(failed).contains("QKD key unavailable at the client"), causes(failed));
        assertEquals(0, kms.encKeys() + kms.decKeys());
        assertNoSessionLeft(agent);
    }

    /** The connection attempt fails, and not by the test's own wait running out. */
    private static ExecutionException assertFailsWithin(final Executable connect) {
        final Throwable failure = assertThrows(Throwable.class, connect);
        if (failure instanceof TimeoutException) {
            throw new AssertionError("the connection attempt hung past the connect timeout", failure);
        }
        return assertInstanceOf(ExecutionException.class, failure, () -> causes(failure));
    }

    /** A standard-method session sees itself as the only session of the agent. */
    private void assertNoSessionLeft(final TestAgent agent) throws Exception {
        try (NetconfSession session = client().connect(options(agent, null)).get(30, TimeUnit.SECONDS)) {
            final List<XmlElement> state = new NetconfOperations(session).get(Filter.subtree(monitoringSessions()))
                .get(30, TimeUnit.SECONDS);
            int sessions = 0;
            for (XmlElement top : state) {
                sessions += top.toElement().getElementsByTagNameNS(
                    "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring", "session").getLength();
            }
            assertEquals(1, sessions, "no NETCONF session is left from the failed attempts");
        }
    }

    /** The {@code ssh-key-exchange} leaves of this session's monitoring entry. */
    private static Map<String, String> keyExchange(final NetconfSession session) throws Exception {
        final List<XmlElement> state = new NetconfOperations(session).get(Filter.subtree(monitoringSessions()))
            .get(30, TimeUnit.SECONDS);
        for (XmlElement top : state) {
            final NodeList entries = top.toElement().getElementsByTagNameNS(
                "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring", "session");
            for (int i = 0; i < entries.getLength(); i++) {
                final Element entry = (Element) entries.item(i);
                final NodeList ids = entry.getElementsByTagNameNS("*", "session-id");
                if (ids.getLength() > 0 && ids.item(0).getTextContent().strip()
                        .equals(Long.toString(session.sessionId()))) {
                    final Map<String, String> leaves = new HashMap<>();
                    final NodeList kex = entry.getElementsByTagNameNS(SSH_QKD, "ssh-key-exchange");
                    assertEquals(1, kex.getLength(), "one ssh-key-exchange per session");
                    final NodeList children = kex.item(0).getChildNodes();
                    for (int j = 0; j < children.getLength(); j++) {
                        if (children.item(j) instanceof Element leaf) {
                            leaves.put(leaf.getLocalName(), leaf.getTextContent().strip());
                        }
                    }
                    return leaves;
                }
            }
        }
        throw new AssertionError("no monitoring entry for session " + session.sessionId());
    }

    private static XmlElement monitoringSessions() {
        return Xml.parse("<netconf-state "
            + "xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\"><sessions/></netconf-state>");
    }

    private static String causes(final Throwable failure) {
        final StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append(" <- ");
        }
        return text.toString();
    }
}

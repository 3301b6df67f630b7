package org.sdqkd.netconf.server.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.server.impl.TestSshClient.TIMEOUT;
import static org.sdqkd.netconf.server.impl.TestSshClient.assertEchoes;
import static org.sdqkd.netconf.server.impl.TestSshClient.openNetconf;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sdqkd.netconf.server.NetconfSshServer;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;
import org.sdqkd.netconf.server.api.TransportSession;

class MinaNetconfSshServerTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final byte[] HELLO = "<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>]]>]]>"
        .getBytes(UTF_8);

    /** The post-quantum hybrid key exchanges MINA offers with Bouncy Castle on the class path. */
    static final Set<String> HYBRID_KEX = Set.of("mlkem768x25519-sha256", "mlkem768nistp256-sha256",
        "mlkem1024nistp384-sha384", "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com");

    @TempDir
    Path dir;

    private final EchoHandler handler = new EchoHandler();
    private final TestSshClient client = new TestSshClient();
    private KeyPair userKey;
    private SshServerConfig config;
    private NetconfSshServer server;

    @BeforeEach
    void configure() throws GeneralSecurityException {
        userKey = TestSshClient.newKeyPair();
        config = SshServerConfig.of(dir.resolve("host-key"), List.of(
                SshUser.withPassword("admin", PasswordHash.hash(PASSWORD.toCharArray(), PasswordHash.MIN_ITERATIONS)),
                SshUser.withKeys("controller", List.of(PublicKeyEntry.toString(userKey.getPublic()) + " test key"))))
            .withPort(0);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    private int start(SshServerConfig cfg) throws IOException {
        return start(cfg, handler);
    }

    private int start(SshServerConfig cfg, SessionHandler sessionHandler) throws IOException {
        server = NetconfSshServer.of(cfg, sessionHandler);
        server.start();
        return server.port();
    }

    @Test
    void echoesBytesOfPasswordUserAndReportsSession() throws Exception {
        int port = start(config);
        try (ClientSession session = client.login("admin", port, PASSWORD);
             ChannelSubsystem channel = openNetconf(session)) {
            assertEchoes(channel, HELLO);
            SessionInfo info = handler.nextServed();
            assertEquals(1, info.sessionId());
            assertEquals("admin", info.user());
            assertEquals("127.0.0.1", info.remoteAddress().getAddress().getHostAddress());
            assertEquals(session.getLocalAddress(), info.remoteAddress());
            assertEquals(session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS), info.keyExchange());
            assertTrue(HYBRID_KEX.contains(info.keyExchange()), info::keyExchange);
        }
        assertEquals(1, handler.nextClosed().sessionId());
    }

    @Test
    void echoesBytesOfPublicKeyUser() throws Exception {
        int port = start(config);
        try (ClientSession session = client.login("controller", port, userKey);
             ChannelSubsystem channel = openNetconf(session)) {
            assertEchoes(channel, HELLO);
            assertEchoes(channel, new byte[100_000]);
            assertEquals("controller", handler.nextServed().user());
        }
    }

    @Test
    void offersPostQuantumHybridKeyExchanges() throws IOException {
        start(config);
        List<String> methods = server.keyExchangeMethods();
        assertTrue(methods.contains("mlkem768x25519-sha256"), methods::toString);
        assertTrue(methods.contains("sntrup761x25519-sha512"), methods::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlkem768x25519-sha256", "sntrup761x25519-sha512"})
    void negotiatesHybridKeyExchangeClientAsksFor(String method) throws Exception {
        int port = start(config);
        try (TestSshClient only = new TestSshClient(method);
             ClientSession session = only.login("admin", port, PASSWORD);
             ChannelSubsystem channel = openNetconf(session)) {
            assertEchoes(channel, HELLO);
            assertEquals(method, handler.nextServed().keyExchange());
        }
    }

    @Test
    void refusesWrongPasswordAndUnknownUser() throws IOException {
        int port = start(config);
        assertThrows(IOException.class, () -> client.login("admin", port, "wrong"));
        assertThrows(IOException.class, () -> client.login("nobody", port, PASSWORD));
        assertThrows(IOException.class, () -> client.login("controller", port, PASSWORD));
    }

    @Test
    void refusesUnknownPublicKey() throws Exception {
        int port = start(config);
        KeyPair stranger = TestSshClient.newKeyPair();
        assertThrows(IOException.class, () -> client.login("controller", port, stranger));
        assertThrows(IOException.class, () -> client.login("admin", port, userKey));
    }

    @Test
    void disconnectsAfterMaxAuthTries() throws IOException {
        int port = start(config.withMaxAuthTries(2));
        try (ClientSession session = client.connect("admin", port)) {
            List.of("wrong1", "wrong2", "wrong3", PASSWORD).forEach(session::addPasswordIdentity);
            assertThrows(IOException.class, () -> session.auth().verify(TIMEOUT));
        }
        // the same attempts pass where more requests are allowed
        server.close();
        int port2 = start(config.withMaxAuthTries(10));
        try (ClientSession session = client.connect("admin", port2)) {
            List.of("wrong1", "wrong2", "wrong3", PASSWORD).forEach(session::addPasswordIdentity);
            session.auth().verify(TIMEOUT);
        }
    }

    @Test
    void closesConnectionThatDoesNotAuthenticateInTime() throws IOException {
        int port = start(config.withAuthTimeout(Duration.ofMillis(500)));
        try (ClientSession session = client.connect("admin", port)) {
            Set<ClientSessionEvent> events = session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), TIMEOUT);
            assertTrue(events.contains(ClientSessionEvent.CLOSED), events::toString);
        }
    }

    @Test
    void refusesShellExecOtherSubsystemsAndForwarding() throws Exception {
        int port = start(config);
        try (ClientSession session = client.login("admin", port, PASSWORD)) {
            assertRefused(session.createShellChannel());
            assertRefused(session.createExecChannel("id"));
            assertRefused(session.createSubsystemChannel("sftp"));
            ClientChannel tunnel = session.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 1),
                new SshdSocketAddress("127.0.0.1", port));
            assertThrows(IOException.class, () -> tunnel.open().verify(TIMEOUT));
            // the connection still serves NETCONF
            try (ChannelSubsystem channel = openNetconf(session)) {
                assertEchoes(channel, HELLO);
            }
        }
        assertEquals(1, handler.nextServed().sessionId());
        assertEquals(0, handler.servedPending());
    }

    private static void assertRefused(ClientChannel channel) throws IOException {
        channel.open().verify(TIMEOUT);
        Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
        assertTrue(events.contains(ClientChannelEvent.CLOSED), events::toString);
    }

    @Test
    void givesConcurrentSessionsDistinctIds() throws Exception {
        int port = start(config);
        try (ClientSession first = client.login("admin", port, PASSWORD);
             ClientSession second = client.login("controller", port, userKey);
             ChannelSubsystem one = openNetconf(first);
             ChannelSubsystem two = openNetconf(second);
             ChannelSubsystem three = openNetconf(second)) {
            assertEchoes(one, HELLO);
            assertEchoes(two, HELLO);
            assertEchoes(three, HELLO);
            Set<Long> ids = Set.of(handler.nextServed().sessionId(), handler.nextServed().sessionId(),
                handler.nextServed().sessionId());
            assertEquals(Set.of(1L, 2L, 3L), ids);
        }
    }

    @Test
    void closesIdleSession() throws Exception {
        int port = start(config.withIdleTimeout(Duration.ofSeconds(1)));
        try (ClientSession session = client.login("admin", port, PASSWORD);
             ChannelSubsystem channel = openNetconf(session)) {
            assertEchoes(channel, HELLO);
            long id = handler.nextServed().sessionId();
            assertEquals(id, handler.nextClosed().sessionId());
            Set<ClientSessionEvent> events = session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), TIMEOUT);
            assertTrue(events.contains(ClientSessionEvent.CLOSED), events::toString);
        }
    }

    @Test
    void refusesConnectionsBeyondMaxSessions() throws Exception {
        int port = start(config.withMaxSessions(1));
        try (ClientSession first = client.login("admin", port, PASSWORD);
             ChannelSubsystem channel = openNetconf(first)) {
            assertEchoes(channel, HELLO);
            assertThrows(IOException.class, () -> client.login("controller", port, userKey));
        }
        handler.nextClosed();
        // the place is free again once the first connection is gone
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                client.login("controller", port, userKey).close();
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    @Test
    void refusesNetconfChannelsBeyondMaxSessions() throws Exception {
        int port = start(config.withMaxSessions(1));
        try (ClientSession session = client.login("admin", port, PASSWORD);
             ChannelSubsystem first = openNetconf(session)) {
            assertEchoes(first, HELLO);
            assertRefused(session.createSubsystemChannel("netconf"));
            assertEchoes(first, HELLO);
        }
        assertEquals(1, handler.nextServed().sessionId());
        assertEquals(0, handler.servedPending());
    }

    @Test
    void closesChannelWhenHandlerReturns() throws Exception {
        SessionHandler greeter = new SessionHandler() {
            @Override
            public void serve(TransportSession session) throws IOException {
                session.output().write(HELLO);
                session.close();
            }

            @Override
            public void sessionClosed(SessionInfo session) {
                handler.sessionClosed(session);
            }
        };
        int port = start(config, greeter);
        try (ClientSession session = client.login("admin", port, PASSWORD);
             ChannelSubsystem channel = openNetconf(session)) {
            assertEquals(new String(HELLO, UTF_8), new String(channel.getInvertedOut().readAllBytes(), UTF_8));
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), TIMEOUT);
            assertEquals(0, channel.getExitStatus());
            assertEquals(1, handler.nextClosed().sessionId());
            // the connection stays open for other channels
            assertTrue(session.isOpen());
        }
    }

    @Test
    void reportsSessionsClosedWhenServerStops() throws Exception {
        int port = start(config);
        try (ClientSession session = client.login("admin", port, PASSWORD);
             ChannelSubsystem channel = openNetconf(session)) {
            assertEchoes(channel, HELLO);
            server.stop();
            assertEquals(1, handler.nextClosed().sessionId());
            assertThrows(IllegalStateException.class, server::port);
        }
    }

    @Test
    void presentsSameHostKeyAfterRestart() throws Exception {
        int port = start(config);
        PublicKey first;
        try (ClientSession session = client.login("admin", port, PASSWORD)) {
            first = session.getServerKey();
        }
        assertNotNull(first);
        server.close();
        int port2 = start(config);
        try (ClientSession session = client.login("admin", port2, PASSWORD)) {
            assertEquals(first, session.getServerKey());
        }
    }

    @Test
    void refusesAuthorizedKeyWithOptionsOrGarbage() {
        String withOptions = "from=\"10.0.0.1\" " + PublicKeyEntry.toString(userKey.getPublic());
        for (String line : List.of(withOptions, "ssh-ed25519 not-base64", "no-such-type AAAA")) {
            SshServerConfig bad = SshServerConfig.of(dir.resolve("host-key"), List.of(SshUser.withKeys("x",
                List.of(line))));
            assertThrows(IllegalArgumentException.class, () -> NetconfSshServer.of(bad, handler), line);
        }
    }
}

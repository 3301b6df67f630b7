package org.sdqkd.netconf.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sdqkd.netconf.client.impl.TestSupport.await;
import static org.sdqkd.netconf.client.impl.TestSupport.failure;
import static org.sdqkd.netconf.client.impl.TestSupport.options;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.netconf.client.api.ClientConfig;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.NetconfConnectException;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.client.api.ReconnectOptions;
import org.sdqkd.netconf.client.api.ReconnectingSession;
import org.sdqkd.netconf.client.api.ReconnectingSession.State;
import org.sdqkd.netconf.client.api.SubscriptionOptions;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.ReplyContent;

/** Reconnecting, keepalive, threads, host key verification and key authentication. */
@Timeout(120)
class ClientLifecycleTest {
    @TempDir
    Path dir;

    private NetconfClient client;
    private ScriptedServer server;

    @BeforeEach
    void setUp() {
        client = NetconfClient.create(new ClientConfig(2, 2));
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void reconnectsAfterAServerRestartAndRunsTheHookAgain() throws Exception {
        server = new ScriptedServer(dir, ScriptedServer.BOTH, (rpc, peer) -> {
            peer.ok(rpc);
            if ("create-subscription".equals(ScriptedServer.operation(rpc))) {
                peer.send(new Notification(OffsetDateTime.now(), TestSupport.xml("<up xmlns='urn:test'/>")));
            }
        }).start();
        final AtomicInteger hooks = new AtomicInteger();
        final BlockingQueue<ReconnectingSession.StateChange> changes = new LinkedBlockingQueue<>();
        final BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
        final ReconnectingSession session = client.reconnecting(options(server.port()).build(),
            new ReconnectOptions(Duration.ofMillis(50), Duration.ofMillis(400), 0.5),
            s -> {
                hooks.incrementAndGet();
                return new NetconfOperations(s).createSubscription(SubscriptionOptions.DEFAULT);
            });
        session.addStateListener(changes::add);
        session.addNotificationListener(notifications::add);
        session.start();
        final NetconfSession first = await(session.connected());
        assertEquals(State.CONNECTED, session.state());
        assertNotNull(notifications.poll(30, TimeUnit.SECONDS));

        server.stop();
        assertNotNull(first.closeFuture().get(30, TimeUnit.SECONDS));
        waitFor(changes, State.WAITING);
        // a few attempts fail while the server is down
        waitFor(changes, State.CONNECTING);
        waitFor(changes, State.WAITING);
        server.start();
        final ReconnectingSession.StateChange connected = waitFor(changes, State.CONNECTED);
        final NetconfSession second = connected.session().orElseThrow();
        assertTrue(second != first && second.isOpen());
        assertEquals(2, hooks.get());
        assertNotNull(notifications.poll(30, TimeUnit.SECONDS));
        assertInstanceOf(ReplyContent.Ok.class, await(second.rpc(TestSupport.xml(
            "<get xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'/>"))).content());

        session.stop();
        waitFor(changes, State.STOPPED);
        assertFalse(second.isOpen());
        assertInstanceOf(NetconfSessionClosedException.class, failure(session.connected()));
    }

    @Test
    void aFailingHookCountsAsAFailedAttempt() throws Exception {
        server = new ScriptedServer(dir, ScriptedServer.BOTH, ScriptedServer.okToAll()).start();
        final AtomicInteger hooks = new AtomicInteger();
        final BlockingQueue<ReconnectingSession.StateChange> changes = new LinkedBlockingQueue<>();
        try (ReconnectingSession session = client.reconnecting(options(server.port()).build(),
                new ReconnectOptions(Duration.ofMillis(20), Duration.ofMillis(50), 0),
                s -> hooks.incrementAndGet() < 3
                    ? CompletableFuture.failedFuture(new IllegalStateException("not yet"))
                    : CompletableFuture.completedFuture(null))) {
            session.addStateListener(changes::add);
            session.start();
            final ReconnectingSession.StateChange waiting = waitFor(changes, State.WAITING);
            assertEquals("not yet", waiting.cause().orElseThrow().getMessage());
            assertEquals(1, waiting.failures());
            waitFor(changes, State.CONNECTED);
            assertEquals(3, hooks.get());
        }
    }

    @Test
    void keepaliveKeepsAnIdleSessionOpenAndADeadOneIsDetected() throws Exception {
        server = new ScriptedServer(dir, ScriptedServer.BOTH, ScriptedServer.okToAll())
            .withIdleTimeout(Duration.ofMillis(700)).start();
        final NetconfSession kept = await(client.connect(options(server.port())
            .keepalive(Duration.ofMillis(150), 3).build()));
        final NetconfSession idle = await(client.connect(options(server.port())
            .keepalive(Duration.ZERO, 1).build()));
        final BlockingQueue<NetconfSessionClosedException> closes = new LinkedBlockingQueue<>();
        idle.addCloseListener(closes::add);
        // the server's idle timeout ends the session without keepalive: the client notices
        assertNotNull(closes.poll(30, TimeUnit.SECONDS));
        assertFalse(idle.isOpen());
        Thread.sleep(1500);
        assertTrue(kept.isOpen());
        assertInstanceOf(ReplyContent.Ok.class, await(kept.rpc(TestSupport.xml(
            "<get xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'/>"))).content());
    }

    @Test
    void manySessionsShareAFewThreads() throws Exception {
        server = new ScriptedServer(dir, ScriptedServer.BOTH, ScriptedServer.okToAll()).start();
        final ConnectOptions options = options(server.port()).connectTimeout(Duration.ofSeconds(40)).build();
        final List<NetconfSession> sessions = new ArrayList<>();
        sessions.add(await(client.connect(options)));
        await(new NetconfOperations(sessions.getFirst()).get());
        final long oneSession = clientThreads();
        final List<CompletableFuture<NetconfSession>> opening = new ArrayList<>();
        for (int i = 1; i < 50; i++) {
            opening.add(client.connect(options));
        }
        final long start = System.nanoTime();
        for (CompletableFuture<NetconfSession> future : opening) {
            sessions.add(future.get(60, TimeUnit.SECONDS));
        }
        System.out.printf("49 sessions opened at once in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        for (NetconfSession session : sessions) {
            await(new NetconfOperations(session).get());
        }
        final long fiftySessions = clientThreads();
        // 2 I/O + 2 workers + 1 timer, plus MINA's own timer thread(s): fixed, whatever the number of sessions
        assertTrue(fiftySessions <= 8, "client threads with 50 sessions: " + fiftySessions);
        assertTrue(fiftySessions <= oneSession + 2, "one session: " + oneSession + ", fifty: " + fiftySessions);
        System.out.printf("client threads: %d with one session, %d with fifty%n", oneSession, fiftySessions);
        sessions.forEach(NetconfSession::close);
    }

    @Test
    void knownHostKeysAreAcceptedAndOthersRefused() throws Exception {
        server = new ScriptedServer(dir, ScriptedServer.BOTH, ScriptedServer.okToAll()).start();
        // the known key
        final NetconfSession known = await(client.connect(options(server.port())
            .hostKeys(HostKeyVerification.knownKeys(server.hostPublicKey())).build()));
        assertTrue(known.isOpen());
        // another key
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        final Throwable refused = failure(client.connect(options(server.port())
            .hostKeys(HostKeyVerification.knownKeys(generator.generateKeyPair().getPublic())).build()));
        assertInstanceOf(NetconfConnectException.class, refused);
        // a known_hosts file
        final Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " "
            + PublicKeyEntry.toString(server.hostPublicKey()) + "\n");
        assertTrue(await(client.connect(options(server.port())
            .hostKeys(HostKeyVerification.knownHosts(knownHosts)).build())).isOpen());
        final Path otherHosts = dir.resolve("other_hosts");
        Files.writeString(otherHosts, "[127.0.0.1]:1 " + PublicKeyEntry.toString(server.hostPublicKey()) + "\n");
        assertInstanceOf(NetconfConnectException.class, failure(client.connect(options(server.port())
            .hostKeys(HostKeyVerification.knownHosts(otherHosts)).build())));
        assertEquals(knownHosts.toFile().length(), Files.size(knownHosts));
    }

    @Test
    void authenticatesWithAnOpenSshKeyFileOrAKeyPair() throws Exception {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        final KeyPair keyPair = generator.generateKeyPair();
        final Path keyFile = dir.resolve("id_test");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(keyPair, "test", null, out);
        }
        server = new ScriptedServer(dir, ScriptedServer.BOTH, ScriptedServer.okToAll(),
            List.of(PublicKeyEntry.toString(keyPair.getPublic()))).start();
        final NetconfSession byFile = await(client.connect(ConnectOptions.builder(TestSupport.HOST, server.port(),
            ScriptedServer.USER).keyFile(keyFile, null).hostKeys(HostKeyVerification.acceptAny()).build()));
        assertTrue(byFile.isOpen());
        final NetconfSession byPair = await(client.connect(ConnectOptions.builder(TestSupport.HOST, server.port(),
            ScriptedServer.USER).keyPair(keyPair).hostKeys(HostKeyVerification.acceptAny()).build()));
        assertTrue(byPair.isOpen());
    }

    @Test
    void closingTheClientClosesItsSessions() throws Exception {
        server = new ScriptedServer(dir, ScriptedServer.BOTH, (rpc, peer) -> { }).start();
        final NetconfSession session = await(client.connect(options(server.port()).build()));
        final var outstanding = session.rpc(TestSupport.xml("<get xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'/>"));
        client.close();
        assertInstanceOf(NetconfSessionClosedException.class, failure(outstanding));
        assertFalse(session.isOpen());
        assertInstanceOf(IllegalStateException.class, failure(client.connect(options(server.port()).build())));
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
            .filter(name -> name.startsWith("netconf-client-") || name.contains("SshClient"))
            .count();
    }

    private static ReconnectingSession.StateChange waitFor(final BlockingQueue<ReconnectingSession.StateChange> queue,
            final State state) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            final ReconnectingSession.StateChange change = queue.poll(100, TimeUnit.MILLISECONDS);
            if (change != null && change.state() == state) {
                return change;
            }
        }
        assertNull(state, "state never reached");
        return null;
    }
}

package org.sdqkd.netconf.interop.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.netconf.client.api.ClientConfig;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.NetconfConnectException;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.testsupport.peers.NetconfEndpoint;
import org.sdqkd.testsupport.peers.OdlTestTool;
import org.sdqkd.testsupport.peers.OdlTestToolOptions;
import org.sdqkd.testsupport.peers.ProbeTestModule;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Element;

/**
 * sdqkd's client against OpenDaylight's device simulator ({@link OdlTestTool}, MD-SAL datastore): one
 * {@link NetconfClient} opens sessions to ten simulated devices at once, and on every session reads running and the
 * candidate, writes an entry of probe-test into the candidate, commits it and reads it back from running, all
 * concurrently. Every device must answer, and the client's threads stay the same few as with one session.
 *
 * <p>A freshly started simulator is slow to accept its first connections (class loading, JIT): the test opens one
 * session first, gives every step a minute, and retries a connection that fails (up to {@value #ATTEMPTS} attempts).
 */
@Tag("interop")
class ClientOdlTestToolInteropTest {

    private static final int DEVICES = 10;
    private static final int ATTEMPTS = 4;
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final URI PROBE_MODULE = URI.create(ProbeTestModule.NAMESPACE + "?module=" + ProbeTestModule.NAME
        + "&revision=" + ProbeTestModule.REVISION);

    private final AtomicInteger retries = new AtomicInteger();

    @Test
    @Timeout(240)
    void tenDevicesAtOnceOnOneClient() throws Exception {
        try (OdlTestTool tool = OdlTestTool.start(OdlTestToolOptions.of(DEVICES));
                NetconfClient client = NetconfClient.create(new ClientConfig(2, 2))) {
            List<NetconfEndpoint> endpoints = tool.endpoints();

            long warmStart = System.nanoTime();
            NetconfSession warm = await(connect(client, endpoints.getFirst(), ATTEMPTS));
            NetconfOperations warmOps = new NetconfOperations(warm);
            await(warmOps.getConfig(Datastore.RUNNING));
            long warmMillis = elapsed(warmStart);
            long oneSession = clientThreads();
            await(warmOps.closeSession());

            long start = System.nanoTime();
            List<CompletableFuture<NetconfSession>> opening = new ArrayList<>();
            for (NetconfEndpoint endpoint : endpoints) {
                opening.add(connect(client, endpoint, ATTEMPTS));
            }
            List<NetconfSession> sessions = new ArrayList<>();
            for (CompletableFuture<NetconfSession> future : opening) {
                sessions.add(await(future));
            }
            long connectMillis = elapsed(start);

            List<CompletableFuture<List<XmlElement>>> work = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                work.add(exercise(sessions.get(i), i));
            }
            for (int i = 0; i < DEVICES; i++) {
                int index = i;
                List<XmlElement> running = await(work.get(i));
                String name = "device-" + i;
                Element entry = Xml.entry(running, DataModel.PROBE, name).orElseThrow(() -> new AssertionError(
                    "the device on " + endpoints.get(index) + " lacks " + name + ": " + running));
                assertEquals("device " + i, Xml.leaf(entry, "description", DataModel.PROBE).orElse(null));
            }
            long allMillis = elapsed(start);
            long tenSessions = clientThreads();

            for (NetconfSession session : sessions) {
                assertTrue(session.sessionId() > 0, "session-id " + session.sessionId());
                assertEquals(Capabilities.BASE_1_1, session.framing());
                assertTrue(session.serverCapabilities().contains(PROBE_MODULE), session.serverCapabilities()::toString);
                assertTrue(session.hasCapability(Capabilities.CANDIDATE), session.serverCapabilities()::toString);
            }
            List<CompletableFuture<Void>> closing = sessions.stream()
                .map(session -> new NetconfOperations(session).closeSession()).toList();
            for (CompletableFuture<Void> future : closing) {
                await(future);
            }
            System.out.printf("simulator: first session %d ms; %d sessions opened at once in %d ms (%d retried "
                + "connections), hello + get-config + edit-config + commit + get-config on all in %d ms; client "
                + "threads %d with one session, %d with %d%n", warmMillis, DEVICES, connectMillis, retries.get(),
                allMillis, oneSession, tenSessions, DEVICES);
            // 2 I/O + 2 workers + 1 timer, plus MINA's own timer thread(s), whatever the number of sessions
            assertTrue(tenSessions <= 8, "client threads with " + DEVICES + " sessions: " + tenSessions);
            assertTrue(tenSessions <= oneSession + 2, "one session: " + oneSession + ", " + DEVICES + ": "
                + tenSessions);
        }
    }

    /** get-config of running and candidate, edit-config of the candidate, commit, get-config of running. */
    private static CompletableFuture<List<XmlElement>> exercise(final NetconfSession session, final int index) {
        String name = "device-" + index;
        XmlElement config = Xml.parse(DataModel.PROBE.config("<node><name>" + DataModel.PROBE.key(name) + "</name>"
            + "<value>" + index + "</value><description>device " + index + "</description></node>"));
        Filter filter = Filter.subtree(Xml.parse(DataModel.PROBE.keyFilter(name)));
        NetconfOperations ops = new NetconfOperations(session);
        CompletableFuture<List<XmlElement>> running = ops.getConfig(Datastore.RUNNING);
        CompletableFuture<List<XmlElement>> candidate = ops.getConfig(Datastore.CANDIDATE);
        return running.thenCombine(candidate, (r, c) -> r)
            .thenCompose(r -> ops.editConfig(Datastore.CANDIDATE, config))
            .thenCompose(v -> ops.commit())
            .thenCompose(v -> ops.getConfig(Datastore.RUNNING, filter));
    }

    /** Connects, trying again after a failed connection while the simulator is still cold. */
    private CompletableFuture<NetconfSession> connect(final NetconfClient client, final NetconfEndpoint endpoint,
            final int attempts) {
        ConnectOptions options = ConnectOptions.builder(endpoint.host(), endpoint.port(), endpoint.user())
            .password(endpoint.password().toCharArray())
            .hostKeys(HostKeyVerification.acceptAny())
            .connectTimeout(STEP).helloTimeout(STEP).rpcTimeout(STEP)
            .build();
        return client.connect(options).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (attempts <= 1 || !(cause instanceof NetconfConnectException)) {
                return CompletableFuture.failedFuture(cause);
            }
            retries.incrementAndGet();
            return connect(client, endpoint, attempts - 1);
        });
    }

    private static <T> T await(final CompletableFuture<T> future) throws Exception {
        try {
            return future.get(STEP.toSeconds() * ATTEMPTS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static long clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
            .filter(name -> name.startsWith("netconf-client-") || name.contains("SshClient"))
            .count();
    }

    private static long elapsed(final long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

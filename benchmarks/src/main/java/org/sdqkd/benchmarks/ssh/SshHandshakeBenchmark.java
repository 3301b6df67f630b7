package org.sdqkd.benchmarks.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.sdqkd.benchmarks.Latencies;
import org.sdqkd.benchmarks.kme.KeyPlanePair;
import org.sdqkd.netconf.server.api.AgentSettings;
import org.sdqkd.netconf.server.NetconfAgent;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.ssh.qkd.api.ServerQkd;
import org.sdqkd.ssh.qkd.SshQkd;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;
import picocli.CommandLine;

/**
 * NETCONF handshake time by SSH key exchange method, in one run: from TCP connect to the first NETCONF reply (SSH
 * connect, key exchange, password authentication, the {@code netconf} subsystem, the hello exchange and one
 * {@code get-config} of running answered), each handshake a new connection, against one NETCONF agent whose SSH
 * server has policy {@code preferred} and takes QKD keys from node B's KME; the client takes them from node A's. The
 * methods take turns, so drift hits all alike; each run checks the method negotiated and, for the hybrid ones, that
 * each handshake took one key at each KME.
 *
 * <pre>
 * ./sdqkd bench ssh [--handshakes 200] [--warmup 50]
 * </pre>
 */
public final class SshHandshakeBenchmark {
    private static final String BASELINE = "mlkem768x25519-sha256";
    private static final String KEY_AHEAD = " (key ahead)";
    /** The rows: each method, and the hybrid ones again with the client's key taken ahead. */
    private static final List<String> RUNS = List.of("curve25519-sha256", BASELINE,
        HybridMethod.X25519_QKD.sshName(), HybridMethod.MLKEM768_X25519_QKD.sshName(),
        HybridMethod.X25519_QKD.sshName() + KEY_AHEAD, HybridMethod.MLKEM768_X25519_QKD.sshName() + KEY_AHEAD);
    private static final double AIM = 1.3;
    private static final String USER = "bench";
    private static final String EOM = "]]>]]>";
    private static final String HELLO = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><hello xmlns=\"urn:ietf:params:xml:"
        + "ns:netconf:base:1.0\"><capabilities><capability>urn:ietf:params:netconf:base:1.0</capability>"
        + "</capabilities></hello>" + EOM;
    private static final String GET_CONFIG = "<rpc message-id=\"1\" xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
        + "<get-config><source><running/></source></get-config></rpc>" + EOM;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private SshHandshakeBenchmark() {
        // main only
    }

    /**
     * Runs the benchmark with the options of {@link SshOptions}; exits 0 when it ran, 2 for a usage error.
     *
     * @param args {@code --handshakes N} and {@code --warmup N} ({@code --help})
     */
    public static void main(final String[] args) {
        System.exit(new CommandLine(new SshOptions()).execute(args));
    }

    /**
     * Runs the benchmark.
     *
     * @param handshakes measured handshakes per method
     * @param warmup     unmeasured handshakes per method first
     * @throws Exception when the set-up fails or a handshake does not negotiate its method
     */
    static void run(final int handshakes, final int warmup) throws Exception {
        final Path dir = Files.createTempDirectory("sdqkd-ssh-bench");
        try (KeyPlanePair pair = KeyPlanePair.start(dir, 20_000_000L, 100_000);
             CloseableKeySource kmeA = QkdKeySources.etsi014(pair.kmeA(), pair.saeA().sslContext(),
                 KeyPlanePair.SAE_A, Duration.ofSeconds(3));
             CloseableKeySource kmeB = QkdKeySources.etsi014(pair.kmeB(), pair.saeB().sslContext(),
                 KeyPlanePair.SAE_B, Duration.ofSeconds(3))) {
            pair.awaitKeys(Math.min(pair.capacity(), 4L * (handshakes + warmup)));
            final TimedKeySource clientKeys = new TimedKeySource(kmeA);
            final TimedKeySource serverKeys = new TimedKeySource(kmeB);
            final SshServerConfig ssh = new SshServerConfig("127.0.0.1", 0, dir.resolve("host-key"),
                List.of(SshUser.withPassword(USER, PasswordHash.hash(USER.toCharArray(), PasswordHash.MIN_ITERATIONS))),
                Duration.ofMinutes(5), 64, 10, Duration.ofSeconds(30))
                .withQkd(new ServerQkd(SshQkdSettings.of(KexPolicy.PREFERRED).withPeers(Set.of(KeyPlanePair.SAE_A)),
                    serverKeys));
            try (NetconfAgent agent = NetconfAgent.start(AgentSettings.of(ssh, dir.resolve("datastores")))) {
                final Map<String, SshClient> clients = new LinkedHashMap<>();
                for (String run : RUNS) {
                    clients.put(run, client(method(run)));
                }
                final ClientQkd qkd = new ClientQkd(SshQkdSettings.of(KexPolicy.PREFERRED), clientKeys,
                    KeyPlanePair.SAE_B);
                final TimedKeySource aheadKeys = new TimedKeySource(kmeA);
                final ClientQkd qkdAhead = new ClientQkd(SshQkdSettings.of(KexPolicy.PREFERRED),
                    QkdKeySources.prefetching(aheadKeys, Duration.ofMinutes(1)), KeyPlanePair.SAE_B);
                final Map<String, Latencies> times = new LinkedHashMap<>();
                final Map<String, long[]> keyTimes = new HashMap<>();
                for (String run : RUNS) {
                    times.put(run, new Latencies());
                    keyTimes.put(run, new long[2]);
                }
                for (int round = 0; round < warmup + handshakes; round++) {
                    for (String run : RUNS) {
                        final boolean ahead = run.endsWith(KEY_AHEAD);
                        final String method = method(run);
                        final long nanos = handshake(clients.get(run), agent.port(), method, ahead ? qkdAhead : qkd);
                        final long[] client = clientKeys.takeCalls();
                        final long[] server = serverKeys.takeCalls();
                        final boolean hybrid = HybridMethod.ofSshName(method) != null;
                        if (client[0] != (hybrid && !ahead ? 1 : 0) || server[0] != (hybrid ? 1 : 0)) {
                            throw new IllegalStateException(run + ": " + client[0] + " enc_keys and " + server[0]
                                + " dec_keys in one handshake");
                        }
                        if (round >= warmup) {
                            times.get(run).add(nanos);
                            final long[] sums = keyTimes.get(run);
                            sums[0] += ahead ? aheadKeys.takeCalls()[1] : client[1];
                            sums[1] += server[1];
                        } else if (ahead) {
                            aheadKeys.takeCalls();
                        }
                    }
                }
                clients.values().forEach(SshClient::stop);
                print(times, keyTimes, handshakes);
            }
        }
    }

    private static String method(final String run) {
        return run.endsWith(KEY_AHEAD) ? run.substring(0, run.length() - KEY_AHEAD.length()) : run;
    }

    /** A client that offers one method only. */
    private static SshClient client(final String method) {
        final SshClient client = SshClient.setUpDefaultClient();
        // the agent's host key is not checked here; MINA's accept-all verifier would log a warning per connection
        client.setServerKeyVerifier((session, remote, key) -> true);
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        SshQkd.installClient(client);
        final List<KeyExchangeFactory> only = client.getKeyExchangeFactories().stream()
            .filter(f -> f.getName().equals(method)).toList();
        if (only.size() != 1) {
            throw new IllegalStateException(method + " is not available here: "
                + NamedResource.getNameList(client.getKeyExchangeFactories()));
        }
        client.setKeyExchangeFactories(only);
        client.start();
        return client;
    }

    /** One handshake: connect to the first NETCONF reply; the connection is closed afterwards. */
    private static long handshake(final SshClient client, final int port, final String method, final ClientQkd qkd)
            throws IOException {
        final Map<AttributeKey<?>, Object> attributes = new HashMap<>();
        if (HybridMethod.ofSshName(method) != null) {
            SshQkd.addClientContext(attributes, qkd, false);
        }
        final long start = System.nanoTime();
        try (ClientSession session = client.connect(USER, "127.0.0.1", port,
                AttributeRepository.ofAttributesMap(attributes), null).verify(WAIT).getSession()) {
            session.addPasswordIdentity(USER);
            session.auth().verify(WAIT);
            try (ChannelSubsystem channel = session.createSubsystemChannel("netconf")) {
                channel.open().verify(WAIT);
                final InputStream in = channel.getInvertedOut();
                final OutputStream out = channel.getInvertedIn();
                readMessage(in);
                out.write((HELLO + GET_CONFIG).getBytes(UTF_8));
                out.flush();
                final String reply = readMessage(in);
                final long nanos = System.nanoTime() - start;
                if (!reply.contains("<data")) {
                    throw new IllegalStateException("not a get-config reply: " + reply);
                }
                final String negotiated = session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
                if (!method.equals(negotiated)) {
                    throw new IllegalStateException("asked for " + method + ", negotiated " + negotiated);
                }
                return nanos;
            }
        }
    }

    private static String readMessage(final InputStream in) throws IOException {
        final ByteArrayOutputStream message = new ByteArrayOutputStream();
        final byte[] end = EOM.getBytes(UTF_8);
        int matched = 0;
        while (matched < end.length) {
            final int b = in.read();
            if (b < 0) {
                throw new IOException("the agent closed the channel");
            }
            message.write(b);
            matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
        }
        return message.toString(UTF_8);
    }

    private static void print(final Map<String, Latencies> times, final Map<String, long[]> keyTimes,
            final int handshakes) {
        System.out.printf(Locale.ROOT, "NETCONF handshake (TCP connect to the first get-config reply), %d per method,"
            + " interleaved; agent policy preferred; KMEs on loopback; one JVM, %d cores%n", handshakes,
            Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-50s %9s %9s %9s %9s %11s %11s %10s %10s%n", "method", "mean ms", "p50 ms",
            "p99 ms", "max ms", "p50 ratio", "mean ratio", "enc_keys", "dec_keys");
        final Latencies.Summary base = times.get(BASELINE).summary();
        boolean within = true;
        for (Map.Entry<String, Latencies> entry : times.entrySet()) {
            final Latencies.Summary s = entry.getValue().summary();
            final long[] keys = keyTimes.get(entry.getKey());
            final boolean hybrid = HybridMethod.ofSshName(method(entry.getKey())) != null;
            final double p50Ratio = s.p50() / base.p50();
            final double meanRatio = s.mean() / base.mean();
            if (hybrid && p50Ratio > AIM) {
                within = false;
            }
            System.out.printf(Locale.ROOT, "%-50s %9.2f %9.2f %9.2f %9.2f %10.2fx %10.2fx %10s %10s%n",
                entry.getKey(), s.mean(), s.p50(), s.p99(), s.max(), p50Ratio, meanRatio,
                hybrid ? String.format(Locale.ROOT, "%.2f ms", keys[0] / 1e6 / handshakes) : "-",
                hybrid ? String.format(Locale.ROOT, "%.2f ms", keys[1] / 1e6 / handshakes) : "-");
        }
        System.out.printf(Locale.ROOT, "enc_keys/dec_keys: mean time per handshake of the client's and the agent's key "
            + "request (key ahead: the client's request runs in the background, off the handshake's path).%n"
            + "Aim: QKD methods within %.1fx of %s (p50): %s%n", AIM, BASELINE,
            within ? "met by all" : "not met by all");
    }
}

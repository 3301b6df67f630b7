package org.sdqkd.netconf.interop.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.testsupport.peers.NetconfTarget;
import org.sdqkd.testsupport.peers.NetconfdOptions;
import org.sdqkd.testsupport.peers.NetconfdPeer;
import org.sdqkd.netconf.protocol.api.Capabilities;

/**
 * sdqkd's client against Debian's netconfd (yuma123 2.13, {@link NetconfdPeer}): every operation of
 * {@link ClientChecks}, in both framings, on a peer whose edit target is the candidate and on one whose target is
 * running with a startup datastore. The client verifies the peer's host key through a known_hosts file and logs in
 * once with the private key, once with the password.
 *
 * <p>What netconfd 2.13 does differently (module README): {@code default-operation none} is not checked (with target
 * running it applies leaves without an operation attribute; with the candidate it does not answer data-missing), a
 * leaf of the wrong type gets {@code bad-element}, and its confirm timer runs only while it is idle, so the rollback
 * is polled once a second; it refuses {@code delete-config} of running with {@code unknown-element}, where RFC
 * 6241 section 7.4 implies {@code operation-not-supported}. After a validate of the candidate, netconfd answers a
 * commit with ok without applying it, so {@code validate-candidate} runs last and ends with discard-changes (the
 * next run's commits on the same peer then apply again).
 */
@Tag("interop")
class ClientNetconfdInteropTest {

    private static final ClientChecks.Settings NETCONFD = ClientChecks.Settings.defaults()
        .skipping("default-operation-none")
        .valueErrorTags("invalid-value", "bad-element")
        .confirmPoll(Duration.ofSeconds(1))
        .accepting("delete-config running", "unknown-element");

    /** What netconfd lacks whatever its target: NMDA, and the request skipped for its quirk. */
    private static final List<String> NOT_ON_NETCONFD = List.of("default-operation-none",
        "edit-data-and-get-data-running", "get-data-operational");

    /** The base:1.1 features skipped in a base:1.0 session. */
    private static final List<String> BASE_11_ONLY = List.of("edit-remove", "persist-confirmed-from-other-session",
        "cancel-commit", "cancel-commit-persist-id-from-other-session");

    @TempDir
    Path dir;

    @Test
    @Timeout(150)
    void candidateTargetInBothFramings() throws Exception {
        try (NetconfdPeer peer = NetconfdPeer.start(NetconfdOptions.of(NetconfTarget.CANDIDATE));
                NetconfClient client = NetconfClient.create()) {
            ConnectOptions.Builder key = options(peer).keyFile(peer.clientKey(), null);
            ClientChecks.Report chunked = run(client, key, "1.1", "candidate, key");
            ClientChecks.Report eom = run(client, options(peer).password(peer.password().toCharArray())
                .capabilities(Capabilities.BASE_1_0), "1.0", "candidate, password");

            // no :writable-running, no :startup
            List<String> unsupported = List.of("copy-config-running-to-startup", "delete-config-startup",
                "copy-config-candidate-to-running");
            assertSkipped(chunked, unsupported, List.of());
            assertSkipped(eom, unsupported, BASE_11_ONLY);
        }
    }

    @Test
    @Timeout(120)
    void runningTargetWithStartupInBothFramings() throws Exception {
        NetconfdOptions options = NetconfdOptions.of(NetconfTarget.RUNNING).withStartupCapability(true)
            .withProbeNodes(2);
        try (NetconfdPeer peer = NetconfdPeer.start(options); NetconfClient client = NetconfClient.create()) {
            ClientChecks.Report chunked = run(client, options(peer).password(peer.password().toCharArray()), "1.1",
                "running + startup, password");
            ClientChecks.Report eom = run(client, options(peer).keyFile(peer.clientKey(), null)
                .capabilities(Capabilities.BASE_1_0), "1.0", "running + startup, key");

            // no :candidate, so nothing of the candidate, commit or confirmed commit
            List<String> unsupported = List.of("copy-config-candidate-to-running", "copy-config-running-to-candidate",
                "commit-and-discard-changes", "confirmed-commit-timeout-rollback", "confirming-commit",
                "confirmed-commit-session-close-rollback", "persist-confirmed-from-other-session", "cancel-commit",
                "cancel-commit-persist-id-from-other-session", "validate-candidate");
            assertSkipped(chunked, unsupported, List.of());
            assertSkipped(eom, unsupported, List.of("edit-remove"));
        }
    }

    private ClientChecks.Report run(final NetconfClient client, final ConnectOptions.Builder options,
            final String framing, final String what) {
        ClientChecks.Report report = new ClientChecks(client, options.build(), DataModel.PROBE, NETCONFD).run();
        System.out.println("client against netconfd (" + what + "), base:" + framing + "\n" + report.describe());
        assertTrue(report.failures().isEmpty(), report::describe);
        return report;
    }

    private ConnectOptions.Builder options(final NetconfdPeer peer) throws IOException {
        // OpenSSH's own format: [host]:port key-type base64 comment
        Path knownHosts = dir.resolve("known_hosts-" + peer.port());
        Files.writeString(knownHosts, "[" + peer.host() + "]:" + peer.port() + " "
            + Files.readString(peer.hostPublicKey(), UTF_8).strip() + "\n", UTF_8);
        return ConnectOptions.builder(peer.host(), peer.port(), peer.user())
            .hostKeys(HostKeyVerification.knownHosts(knownHosts))
            .connectTimeout(Duration.ofSeconds(30)).helloTimeout(Duration.ofSeconds(30))
            .rpcTimeout(Duration.ofSeconds(30));
    }

    private static void assertSkipped(final ClientChecks.Report report, final List<String> unsupported,
            final List<String> framing) {
        List<String> expected = new ArrayList<>(ClientChecks.ALL);
        expected.removeIf(name -> !unsupported.contains(name) && !framing.contains(name)
            && !NOT_ON_NETCONFD.contains(name));
        assertEquals(expected, report.skipped(), report::describe);
        assertEquals(ClientChecks.ALL.size() - expected.size(), report.passed().size(), report::describe);
    }
}

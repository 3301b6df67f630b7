package org.sdqkd.netconf.interop.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.testsupport.peers.NetconfTarget;
import org.sdqkd.testsupport.peers.NetconfdOptions;
import org.sdqkd.testsupport.peers.NetconfdPeer;

/**
 * The interop tools against Debian's netconfd ({@link NetconfdPeer}), which keeps the scripts and drivers honest:
 * what passes against a second server is a check of the protocol, not of our agent. The session skips what
 * netconfd 2.13 lacks or does differently (the module README lists it).
 */
@Tag("interop")
class NetconfdInteropTest {

    /** netconfd answers a leaf of the wrong type with bad-element; RFC 7950 section 8.3.1 asks invalid-value. */
    private static final List<String> NETCONFD_OPTIONS = List.of("--model", "probe", "--skip-unsupported",
        "--value-error-tags", "invalid-value,bad-element",
        "--skip", "default-operation-none,create-subscription-ncclient-filter");

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void toolsAgainstWritableRunning() throws Exception {
        try (NetconfdPeer netconfd = NetconfdPeer.start(NetconfdOptions.of(NetconfTarget.RUNNING))) {
            AgentUnderTest peer = AgentUnderTest.at(netconfd.endpoint());
            Ncclient.Summary summary = Ncclient.session(peer, dir.resolve("ncclient"), "1.1", NETCONFD_OPTIONS,
                Duration.ofSeconds(120));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertTrue(summary.passed().containsAll(List.of("hello", "edit-create-and-data-exists",
                "lock-denied-names-holder", "kill-session", "with-defaults-report-all-tagged",
                "notification-config-change", "datastore-restored")), summary::describe);

            Path modules = dir.resolve("modules");
            Ncclient.Summary schemas = Ncclient.getSchema(peer, modules, List.of("--omit-version"),
                Duration.ofSeconds(60));
            assertTrue(schemas.failures().isEmpty(), schemas::describe);
            YanglintCheck.Result lint = YanglintCheck.check(modules, Duration.ofSeconds(60));
            assertTrue(lint.passed(), () -> lint.errors() + "\n" + lint.run().stderr());

            Yangcli.Result yangcli = Yangcli.run(peer, "xget /netconf-state/sessions", dir.resolve("yangcli"),
                Duration.ofSeconds(60));
            assertTrue(yangcli.succeeded(), yangcli::output);

            OpenSshNetconf.Exchange exchange = OpenSshNetconf.exchange(peer,
                List.of(OpenSshNetconfInteropTest.GET_CONFIG), dir.resolve("ssh"), Duration.ofSeconds(30),
                Duration.ofMillis(500));
            OpenSshNetconfInteropTest.assertHelloAndReplies(exchange);
        }
    }

    @Test
    @Timeout(180)
    void sessionAgainstCandidateInBaseOneZeroFraming() throws Exception {
        try (NetconfdPeer netconfd = NetconfdPeer.start(NetconfdOptions.of(NetconfTarget.CANDIDATE))) {
            AgentUnderTest peer = AgentUnderTest.at(netconfd.endpoint());
            Ncclient.Summary summary = Ncclient.session(peer, dir.resolve("ncclient"), "1.0", NETCONFD_OPTIONS,
                Duration.ofSeconds(120));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertEquals("pass", summary.check("confirmed-commit-timeout-rollback").orElseThrow().status(),
                summary::describe);
            assertTrue(summary.passed().containsAll(List.of("hello", "commit-and-discard-changes",
                "confirming-commit", "validate-candidate", "datastore-restored")), summary::describe);
        }
    }
}

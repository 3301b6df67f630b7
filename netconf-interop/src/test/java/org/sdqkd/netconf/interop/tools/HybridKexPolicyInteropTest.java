package org.sdqkd.netconf.interop.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.testsupport.peers.NetconfEndpoint;
import org.sdqkd.netconf.server.testing.TestAgent;
import org.sdqkd.ssh.qkd.api.HybridMethod;
import org.sdqkd.ssh.qkd.api.KexPolicy;
import org.sdqkd.ssh.qkd.api.ServerQkd;
import org.sdqkd.ssh.qkd.api.SshQkdSettings;
import org.sdqkd.ssh.qkd.testing.InMemoryKms;

/**
 * OpenSSH's {@code ssh -s netconf} and ncclient against an agent with the hybrid QKD key exchange: with policy
 * {@code preferred} they connect with a standard method (the agent's session monitoring says which); with
 * {@code required} they are refused in the key exchange.
 */
@Timeout(120)
class HybridKexPolicyInteropTest {
    private static final Pattern METHOD = Pattern.compile("<method[^>]*>([^<]+)</method>");
    private static final String MONITORING_GET = "<rpc message-id=\"1\" "
        + "xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><get><filter type=\"subtree\">"
        + "<netconf-state xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring\"><sessions/>"
        + "</netconf-state></filter></get></rpc>";

    private final InMemoryKms kms = new InMemoryKms();

    @TempDir
    Path dir;

    private TestAgent agent(final KexPolicy policy) throws Exception {
        final ServerQkd qkd = new ServerQkd(SshQkdSettings.of(policy).withPeers(Set.of("sae-controller")),
            kms.source("sae-agent"));
        return TestAgent.start(s -> s.withSsh(s.ssh().withQkd(qkd)));
    }

    private static AgentUnderTest under(final TestAgent agent) {
        return AgentUnderTest.at(new NetconfEndpoint("127.0.0.1", agent.port(), TestAgent.USER, TestAgent.USER,
            Optional.empty()));
    }

    @Test
    void openSshConnectsWithAStandardMethodToAPreferredAgent() throws Exception {
        try (TestAgent agent = agent(KexPolicy.PREFERRED)) {
            final OpenSshNetconf.Exchange exchange = OpenSshNetconf.exchange(under(agent), List.of(MONITORING_GET),
                dir.resolve("ssh"), Duration.ofSeconds(60));
            final Matcher method = METHOD.matcher(exchange.replies().getFirst());
            assertTrue(method.find(), exchange.replies().getFirst());
            assertEquals(null, HybridMethod.ofSshName(method.group(1)), method.group(1));
            assertEquals(0, kms.encKeys() + kms.decKeys());
        }
    }

    @Test
    void openSshIsRefusedInTheKeyExchangeByARequiredAgent() throws Exception {
        try (TestAgent agent = agent(KexPolicy.REQUIRED)) {
            // OpenSSH as a user runs it (default log level), its standard input closed
            ToolRun.requireExecutable(Path.of("/usr/bin/sshpass"), "sshpass");
            final ProcessBuilder ssh = new ProcessBuilder("/usr/bin/sshpass", "-e", "/usr/bin/ssh", "-F", "/dev/null",
                "-p", Integer.toString(agent.port()), "-o", "StrictHostKeyChecking=no", "-o",
                "UserKnownHostsFile=/dev/null", "-o", "PubkeyAuthentication=no", "-o", "ConnectTimeout=10",
                "-s", TestAgent.USER + "@127.0.0.1", "netconf")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true);
            ssh.environment().put("SSHPASS", TestAgent.USER);
            final Process process = ssh.start();
            final String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), said);
            assertEquals(255, process.exitValue(), said);
            System.out.println("OpenSSH against a required agent: " + said.strip());
            // the agent ends the connection in the key exchange and says why; OpenSSH prints it
            assertTrue(said.contains("Unable to negotiate key exchange") || said.contains(
                "no matching key exchange method found"), said);
            assertTrue(said.contains(HybridMethod.MLKEM768_X25519_QKD.sshName()), "the agent's offer: " + said);
        }
    }

    @Test
    void ncclientConnectsWithAStandardMethodToAPreferredAgent() throws Exception {
        try (TestAgent agent = agent(KexPolicy.PREFERRED)) {
            final Ncclient.Summary summary = Ncclient.script("ncclient_kex_policy.py", under(agent),
                List.of("connects"), dir, Duration.ofSeconds(60));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertEquals(List.of("get-config", "standard-method-in-monitoring"), summary.passed(),
                summary::describe);
        }
    }

    @Test
    void ncclientIsRefusedInTheKeyExchangeByARequiredAgent() throws Exception {
        try (TestAgent agent = agent(KexPolicy.REQUIRED)) {
            final Ncclient.Summary summary = Ncclient.script("ncclient_kex_policy.py", under(agent),
                List.of("refused"), dir, Duration.ofSeconds(60));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertEquals(List.of("refused-in-key-exchange"), summary.passed(), summary::describe);
            System.out.println("ncclient against a required agent: " + summary.check("refused-in-key-exchange")
                .map(Ncclient.Check::detail).orElse(""));
        }
    }
}

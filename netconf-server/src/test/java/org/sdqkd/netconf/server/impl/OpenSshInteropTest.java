package org.sdqkd.netconf.server.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.netconf.server.NetconfSshServer;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;

/** The server with OpenSSH's {@code ssh} client, as {@code ssh -s user@host netconf} (RFC 6242 section 3). */
@Tag("interop")
class OpenSshInteropTest {

    private static final Pattern KEX = Pattern.compile("kex: algorithm: (\\S+)");

    @TempDir
    Path dir;

    @Test
    void openSshClientExchangesBytesOverNetconfSubsystem() throws Exception {
        Optional<Path> ssh = onPath("ssh");
        Optional<Path> keygen = onPath("ssh-keygen");
        assumeTrue(ssh.isPresent() && keygen.isPresent(), "OpenSSH client (ssh, ssh-keygen) not installed");

        Path key = dir.resolve("id_ed25519");
        run(List.of(keygen.get().toString(), "-q", "-t", "ed25519", "-N", "", "-C", "interop", "-f", key.toString()));
        String publicKey = Files.readString(dir.resolve("id_ed25519.pub"), UTF_8).strip();

        EchoHandler handler = new EchoHandler();
        SshServerConfig config = SshServerConfig.of(dir.resolve("host-key"),
            List.of(SshUser.withKeys("operator", List.of(publicKey)))).withPort(0);
        try (NetconfSshServer server = NetconfSshServer.of(config, handler)) {
            server.start();
            Path stderr = dir.resolve("ssh.log");
            Process process = new ProcessBuilder(ssh.get().toString(), "-vv", "-F", "/dev/null",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "ConnectTimeout=10",
                "-i", key.toString(), "-p", Integer.toString(server.port()), "-s", "operator@127.0.0.1", "netconf")
                .redirectError(stderr.toFile())
                .start();
            byte[] sent = "<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>\n]]>]]>".getBytes(UTF_8);
            try (OutputStream in = process.getOutputStream()) {
                in.write(sent);
            }
            byte[] received = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "ssh did not exit");
            String log = Files.readString(stderr, UTF_8);
            assertEquals(0, process.exitValue(), log);
            assertArrayEquals(sent, received, log);

            SessionInfo info = handler.nextServed();
            assertEquals("operator", info.user());
            Matcher kex = KEX.matcher(log);
            assertTrue(kex.find(), log);
            assertEquals(kex.group(1), info.keyExchange());
            // OpenSSH 9.0 to 9.8 choose sntrup761x25519-sha512(@openssh.com), 9.9 and later mlkem768x25519-sha256
            assertTrue(MinaNetconfSshServerTest.HYBRID_KEX.contains(info.keyExchange()), info::keyExchange);
            assertEquals(info, handler.nextClosed());
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), output);
    }

    private static Optional<Path> onPath(String tool) {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            candidates.add(Path.of(entry, tool));
        }
        return Stream.concat(candidates.stream(), Stream.of(Path.of("/usr/bin", tool)))
            .filter(Files::isExecutable).findFirst();
    }
}

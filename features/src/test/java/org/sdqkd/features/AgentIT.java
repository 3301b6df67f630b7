package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.api.PasswordHash;

/**
 * {@code sdqkd agent} as a user runs it: the launcher on the packaged distribution with a configuration file, port
 * 0, and OpenSSH's {@code ssh} as the NETCONF client (with {@code sshpass} for the password), then SIGTERM.
 */
class AgentIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("sdqkd.launcher", "../sdqkd"));
    private static final Pattern LISTENING = Pattern.compile(
        "sdqkd agent: NETCONF over SSH on 127\\.0\\.0\\.1:(\\d+) \\(host key (SHA256:\\S+)\\), datastore (.+)");
    private static final String PASSWORD = "agent-it-password";
    private static final String BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    private static final String HELLO = "<hello xmlns=\"" + BASE + "\"><capabilities>"
        + "<capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>";
    private static final String SSH_QKD = "<ssh-qkd xmlns=\"urn:sdqkd:yang:sdqkd-ssh-qkd\"><policy>off</policy>"
        + "<peer><sae-id>agent-it</sae-id></peer></ssh-qkd>";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void servesNetconfOverOpenSshAndStopsCleanlyOnSigterm() throws Exception {
        final Path ssh = tool("ssh", "openssh-client");
        final Path sshpass = tool("sshpass", "sshpass");
        final Path keygen = tool("ssh-keygen", "openssh-client");
        final Path conf = Files.createDirectories(dir.resolve("etc"));
        run(List.of(keygen.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "agent-it", "-f",
            dir.resolve("id_ed25519").toString()));
        Files.copy(dir.resolve("id_ed25519.pub"), conf.resolve("operator.keys"));
        final String hash = PasswordHash.hash(PASSWORD.toCharArray(), PasswordHash.MIN_ITERATIONS).encoded();
        Files.writeString(conf.resolve("agent.yaml"), """
            listen: {address: 127.0.0.1, port: 830}
            host-key: host_key
            datastore: ../data
            limits: {max-sessions: 4, idle-timeout: PT1M, auth-timeout: 20}
            users:
              - name: admin
                password-hash: %s
              - name: operator
                authorized-keys-file: operator.keys
            """.formatted(hash), UTF_8);

        final ProcessBuilder builder = new ProcessBuilder("bash", LAUNCHER.toString(), "agent", "--config",
            conf.resolve("agent.yaml").toString(), "--port", "0")
            .redirectError(dir.resolve("agent.log").toFile());
        builder.environment().put("SDQKD_NO_BUILD", "1");
        final Process agent = builder.start();
        try {
            final BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), UTF_8));
            final String line = out.readLine();
            final Matcher listening = LISTENING.matcher(String.valueOf(line));
            assertTrue(listening.matches(), () -> line + "\n" + log());
            final int port = Integer.parseInt(listening.group(1));
            assertTrue(port > 0 && port != 830, line);
            final Path datastore = Path.of(listening.group(3));
            assertEquals(dir.resolve("data").toAbsolutePath().normalize(), datastore);
            assertTrue(Files.isRegularFile(conf.resolve("host_key")), "host key created next to the config");

            // a password login: hello, edit-config of running, get-config, close-session
            final String admin = netconf(List.of(sshpass.toString(), "-p", PASSWORD, ssh.toString(), "-F", "/dev/null",
                "-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no"), "admin", port,
                rpc(1, "<edit-config><target><running/></target><config>" + SSH_QKD + "</config></edit-config>")
                + rpc(2, "<get-config><source><running/></source></get-config>") + rpc(3, "<close-session/>"));
            assertTrue(admin.contains("<session-id>"), admin);
            assertTrue(admin.matches("(?s).*message-id=\"1\"[^>]*>\\s*<ok/>.*"), admin);
            assertTrue(admin.contains("<data"), admin);
            assertTrue(admin.contains("<sae-id>agent-it</sae-id>"), admin);

            // a public key login, the key from the authorized-keys-file relative to the config
            final String operator = netconf(List.of(ssh.toString(), "-F", "/dev/null", "-i",
                dir.resolve("id_ed25519").toString(), "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "BatchMode=yes"), "operator", port,
                rpc(1, "<get-config><source><running/></source></get-config>") + rpc(2, "<close-session/>"));
            assertTrue(operator.contains("<data"), operator);
            assertTrue(operator.contains("<sae-id>agent-it</sae-id>"), operator);

            agent.destroy(); // SIGTERM
            assertTrue(agent.waitFor(60, TimeUnit.SECONDS), "the agent did not stop on SIGTERM");
            assertEquals(0, agent.exitValue(), this::log);
            assertTrue(log().contains("sdqkd agent: stopped"), this::log);
            assertTrue(Files.isRegularFile(datastore.resolve("running.xml")), () -> list(datastore));
            assertTrue(Files.readString(datastore.resolve("running.xml"), UTF_8).contains("agent-it"));
            assertTrue(!log().contains(hash) && !log().contains(PASSWORD), "the log shows a credential");
        } finally {
            agent.destroyForcibly();
        }
    }

    private static String rpc(final int id, final String body) {
        return "<rpc message-id=\"" + id + "\" xmlns=\"" + BASE + "\">" + body + "</rpc>]]>]]>";
    }

    /** Runs {@code ssh -s user@127.0.0.1 netconf} with the client's hello and RPCs on its input; returns its output. */
    private String netconf(final List<String> client, final String user, final int port, final String rpcs)
            throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(client);
        command.addAll(List.of("-p", Integer.toString(port), "-o", "StrictHostKeyChecking=no", "-o",
            "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=30", "-s", user + "@127.0.0.1", "netconf"));
        final Path errors = Files.createTempFile(dir, "ssh", ".log");
        final Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        final CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (OutputStream in = process.getOutputStream()) {
            in.write((HELLO + rpcs).getBytes(UTF_8));
        }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ssh did not finish: " + Files.readString(errors, UTF_8));
        }
        final String reply = new String(output.join(), UTF_8);
        assertEquals(0, process.exitValue(), () -> reply + "\n" + readQuietly(errors) + "\n" + log());
        return reply;
    }

    private String log() {
        return readQuietly(dir.resolve("agent.log"));
    }

    private static String readQuietly(final Path file) {
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    private static String list(final Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return directory + " holds " + files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return directory + ": " + e;
        }
    }

    private static void run(final List<String> command) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), output);
    }

    /** A tool on the PATH (or in /usr/bin); the test fails, not skips, without it. */
    private static Path tool(final String name, final String debianPackage) {
        final List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            candidates.add(Path.of(entry, name));
        }
        candidates.add(Path.of("/usr/bin", name));
        final Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
        return found.orElseThrow(() -> new AssertionError(name + " is not installed; this test needs it "
            + "(Debian package " + debianPackage + ")"));
    }
}

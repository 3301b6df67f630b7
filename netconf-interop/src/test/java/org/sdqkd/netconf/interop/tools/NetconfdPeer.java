package org.sdqkd.netconf.interop.tools;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's netconfd (yuma123) behind a private sshd on a free 127.0.0.1 port, with the probe-test module, for
 * developing the scripts against a second server (see the module README). netconfd does not speak SSH: sshd
 * runs {@code netconf-subsystem}, which relays to netconfd's UNIX socket. It needs root (sshd switches to the
 * user) and an existing local user with a password: system properties {@code sdqkd.netconfd.user} and
 * {@code sdqkd.netconfd.password}, by default nctest/nctest.
 */
public final class NetconfdPeer implements AgentUnderTest {

    private static final Path NETCONFD = Path.of("/usr/sbin/netconfd");
    private static final Path SUBSYSTEM = Path.of("/usr/sbin/netconf-subsystem");
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final String PROBE_YANG = """
        module probe-test {
          yang-version 1;
          namespace "urn:example:probe-test";
          prefix pt;
          revision 2024-01-01 { description "Initial revision."; }
          container probe {
            list node {
              key "name";
              leaf name { type string; }
              leaf value { type int32; }
              leaf description { type string; }
            }
          }
        }
        """;

    private final int port;
    private final String user;
    private final String password;
    private final Process netconfd;
    private final Process sshd;
    private final Path socketDir;

    private NetconfdPeer(final int port, final String user, final String password, final Process netconfd,
            final Process sshd, final Path socketDir) {
        this.socketDir = socketDir;
        this.port = port;
        this.user = user;
        this.password = password;
        this.netconfd = netconfd;
        this.sshd = sshd;
    }

    /**
     * Starts netconfd and its sshd.
     *
     * @param dir a private directory for keys, sockets, datastores and logs
     * @param target "running" (writable-running) or "candidate"
     * @return the running peer
     * @throws IOException if a process cannot start
     * @throws InterruptedException if interrupted
     */
    public static NetconfdPeer start(final Path dir, final String target) throws IOException, InterruptedException {
        for (Path tool : List.of(NETCONFD, SUBSYSTEM)) {
            ToolRun.requireExecutable(tool, "netconfd");
        }
        ToolRun.requireExecutable(SSHD, "openssh-server");
        ToolRun.requireExecutable(KEYGEN, "openssh-client");
        String user = System.getProperty("sdqkd.netconfd.user", "nctest");
        String password = System.getProperty("sdqkd.netconfd.password", "nctest");
        ToolRun id = ToolRun.run(List.of("id", "-u"), "", dir, Map.of(), Duration.ofSeconds(10));
        if (!"0".equals(id.stdout().strip())) {
            throw new AssertionError("the netconfd peer needs root (sshd changes to the user " + user + ")");
        }
        if (ToolRun.run(List.of("id", user), "", dir, Map.of(), Duration.ofSeconds(10)).exitCode() != 0) {
            throw new AssertionError("the netconfd peer needs a local user " + user + " with a password: "
                + "useradd -m " + user + " && chpasswd (see netconf-interop/README.md)");
        }
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(Path.of("/run/sshd"));
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        ToolRun.run(List.of(KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString()), "", dir,
            Map.of(), Duration.ofSeconds(30));
        Path yang = Files.writeString(dir.resolve("probe-test.yang"), PROBE_YANG, UTF_8);
        Path startup = Files.writeString(dir.resolve("startup.xml"),
            "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"/>\n", UTF_8);
        // netconf-subsystem runs as the user and must reach the socket; a test's temporary directory is private
        Path socketDir = Files.createTempDirectory(Path.of("/tmp"), "ncxserver");
        Files.setPosixFilePermissions(socketDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = socketDir.resolve("ncxserver.sock");
        int port = freePort();
        ProcessBuilder nb = new ProcessBuilder(NETCONFD.toString(), "--ncxserver-sockname=" + socket,
            "--port=" + port, "--target=" + target, "--superuser=" + user, "--module=" + yang,
            "--startup=" + startup, "--log=" + dir.resolve("netconfd.log"), "--log-level=info")
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(dir.resolve("netconfd.out").toFile()).redirectErrorStream(true);
        nb.environment().put("HOME", dir.resolve("home").toString());
        Process netconfd = nb.start();
        Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n",
            "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + hostKey, "PidFile none", "UsePAM no",
            "PasswordAuthentication yes", "KbdInteractiveAuthentication no", "PubkeyAuthentication no",
            "PermitRootLogin no", "AllowUsers " + user, "X11Forwarding no", "AllowTcpForwarding no",
            "PrintMotd no", "MaxSessions 64", "MaxStartups 100:30:200",
            "Subsystem netconf " + SUBSYSTEM + " --ncxserver-sockname=" + port + "@" + socket, ""), UTF_8);
        Process sshd = null;
        try {
            waitFor(() -> Files.exists(socket), netconfd, "netconfd socket", dir.resolve("netconfd.log"));
            sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(dir.resolve("sshd.log").toFile()).redirectErrorStream(true).start();
            Process started = sshd;
            waitFor(() -> listening(port), started, "sshd on port " + port, dir.resolve("sshd.log"));
            return new NetconfdPeer(port, user, password, netconfd, sshd, socketDir);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            if (sshd != null) {
                ToolRun.destroyTree(sshd);
            }
            ToolRun.destroyTree(netconfd);
            deleteSocket(socketDir);
            throw e;
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public void close() {
        ToolRun.destroyTree(sshd);
        netconfd.destroy();
        try {
            netconfd.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ToolRun.destroyTree(netconfd);
        deleteSocket(socketDir);
    }

    private static void deleteSocket(final Path socketDir) {
        try {
            // netconfd leaves its socket behind
            Files.deleteIfExists(socketDir.resolve("ncxserver.sock"));
            Files.deleteIfExists(socketDir);
        } catch (IOException e) {
            // a leftover directory in /tmp is harmless
        }
    }

    /** A condition polled while a process starts. */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void waitFor(final Condition condition, final Process process, final String what,
            final Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.holds()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not come up: "
                    + (Files.exists(log) ? Files.readString(log, UTF_8) : "no log"));
            }
            Thread.sleep(50);
        }
    }

    private static boolean listening(final int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package org.sdqkd.testsupport.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's {@code netconfd} (yuma123) behind a private OpenSSH {@code sshd}, on 127.0.0.1 and a port found free at
 * run time, in a temporary directory of its own. netconfd does not speak SSH: sshd runs
 * {@code /usr/sbin/netconf-subsystem} for the {@code netconf} subsystem, as the test user, and that program relays
 * the channel to netconfd's UNIX socket.
 *
 * <p>Clients log in as {@link #user()} with {@link #password()} or the private key {@link #clientKey()}.
 * netconfd runs with {@code --superuser} set to that user, so NACM does not deny its edits. Closing the peer kills
 * sshd (with its session processes) and netconfd and deletes the directory. Use it in try-with-resources:
 * <pre>{@code
 * try (NetconfdPeer peer = NetconfdPeer.start(NetconfdOptions.of(NetconfTarget.CANDIDATE).withProbeNodes(100))) {
 *     NetconfEndpoint endpoint = peer.endpoint();
 *     ...
 * }
 * }</pre>
 */
public final class NetconfdPeer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NetconfdPeer.class);
    private static final String HOST = "127.0.0.1";
    private static final int PORT_ATTEMPTS = 3;
    private static final long POLL_MILLIS = 50;

    private final NetconfdOptions options;
    private final ScratchDirectory directory;
    private final int port;
    private final Path socket;
    private final Path clientKey;
    private final Path hostKey;
    private final List<ChildProcess> processes = new ArrayList<>();

    private NetconfdPeer(final NetconfdOptions options, final ScratchDirectory directory, final int port) {
        this.options = options;
        this.directory = directory;
        this.port = port;
        this.socket = directory.root().resolve("run/ncxserver.sock");
        this.clientKey = directory.root().resolve("client/id_ed25519");
        this.hostKey = directory.root().resolve("keys/ssh_host_ed25519_key");
    }

    /**
     * Starts netconfd and its sshd and waits until the peer answers.
     *
     * @param options how to run netconfd
     * @return the running peer
     * @throws IllegalStateException if a Debian package is missing (the message names it), the test user cannot be
     *     created, or the peer does not come up within {@link NetconfdOptions#startTimeout()}
     */
    public static NetconfdPeer start(final NetconfdOptions options) {
        HostTools.require(HostTools.NETCONFD, "netconfd");
        HostTools.require(HostTools.NETCONF_SUBSYSTEM, "netconfd");
        HostTools.require(HostTools.SSHD, "openssh-server");
        HostTools.require(HostTools.SSH_KEYGEN, "openssh-client");
        TestUser.ensure();
        for (int attempt = 1;; attempt++) {
            NetconfdPeer peer = new NetconfdPeer(options, ScratchDirectory.create("netconfd-peer-", true),
                FreePorts.one());
            try {
                peer.launch();
                peer.awaitReady(options.startTimeout());
                LOG.info("netconfd peer ({}) answers on {}:{}", options.target().option(), HOST, peer.port);
                return peer;
            } catch (RuntimeException e) {
                boolean portTaken = peer.sshdLogMentions("Address already in use");
                peer.close();
                if (!portTaken || attempt == PORT_ATTEMPTS) {
                    throw e;
                }
                LOG.info("Port {} was taken before sshd bound it; trying another", peer.port);
            }
        }
    }

    private void launch() {
        Path root = directory.root();
        Path yang = directory.directory("yang", "rwxr-xr-x");
        directory.directory("run", "rwxr-xr-x");
        directory.directory("keys", "rwxr-xr-x");
        directory.directory("client", "rwx------");
        Path data = directory.directory("data", "rwx------");
        Path home = directory.directory("home", "rwx------");
        List<Path> modules = new ArrayList<>();
        if (options.probeModule()) {
            modules.add(ProbeTestModule.writeTo(yang));
        }
        for (Path module : options.modules()) {
            Path copy = yang.resolve(module.getFileName());
            HostTools.copy(module, copy);
            modules.add(copy);
        }
        HostTools.check(List.of(HostTools.SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "probe-client",
            "-f", clientKey.toString()), "");
        HostTools.check(List.of(HostTools.SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "probe-host",
            "-f", hostKey.toString()), "");
        Path authorizedKeys = root.resolve("keys/authorized_keys");
        HostTools.copy(Path.of(clientKey + ".pub"), authorizedKeys);
        setPermissions(authorizedKeys, "rw-r--r--");
        Path startup = data.resolve("startup.xml");
        HostTools.write(startup, options.startupConfig());
        Path sshdConfig = root.resolve("sshd_config");
        HostTools.write(sshdConfig,
            new SshdConfig(port, hostKey, authorizedKeys, root.resolve("run/sshd.pid"), socket).text());
        createPrivilegeSeparationDirectory();
        HostTools.check(List.of(HostTools.SSHD.toString(), "-t", "-f", sshdConfig.toString()), "");

        List<String> netconfd = new ArrayList<>(List.of(HostTools.NETCONFD.toString(),
            "--ncxserver-sockname=" + socket, "--port=" + port, "--target=" + options.target().option(),
            "--superuser=" + TestUser.NAME, "--startup=" + startup,
            "--with-startup=" + options.startupCapability(), "--log=" + root.resolve("run/netconfd.log"),
            "--log-level=info"));
        for (Path module : modules) {
            netconfd.add("--module=" + module);
        }
        // netconfd keeps state under $HOME/.yuma; imports are looked for in YUMA_MODPATH before its own directory
        processes.add(ChildProcess.start("netconfd", netconfd, Map.of("HOME", home.toString(), "YUMA_MODPATH",
            yang.toString()), root, root.resolve("run/netconfd.out")));
        processes.add(ChildProcess.start("sshd", List.of(HostTools.SSHD.toString(), "-D", "-f", sshdConfig.toString(),
            "-E", root.resolve("run/sshd.log").toString()), Map.of(), root, root.resolve("run/sshd.out")));
    }

    /**
     * Waits until the peer answers: netconfd listens on its UNIX socket and sshd sends its SSH identification on
     * {@link #port()}. {@link #start(NetconfdOptions)} has done this already; call it again after disturbing the
     * peer.
     *
     * @param timeout how long to wait
     * @throws IllegalStateException if netconfd or sshd exits (the message holds the end of its log) or the time
     *     runs out
     */
    public void awaitReady(final Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            processes.forEach(ChildProcess::checkAlive);
            if (netconfdListens() && SshProbe.answers(HOST, port)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("netconfd peer on port " + port + " did not answer within " + timeout
                    + "; netconfd log:\n" + ChildProcess.tail(directory.root().resolve("run/netconfd.log"), 20)
                    + "\nsshd log:\n" + ChildProcess.tail(directory.root().resolve("run/sshd.log"), 20));
            }
            sleep(POLL_MILLIS);
        }
    }

    private boolean netconfdListens() {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the address clients connect to.
     *
     * @return {@code 127.0.0.1}
     */
    public String host() {
        return HOST;
    }

    /**
     * Returns the SSH port (sshd listens there, and netconfd's {@code --port} names it).
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the user clients log in as.
     *
     * @return the user name
     */
    public String user() {
        return TestUser.NAME;
    }

    /**
     * Returns the user's password (a test password).
     *
     * @return the password
     */
    public String password() {
        return TestUser.PASSWORD;
    }

    /**
     * Returns the client's private key, an OpenSSH-format Ed25519 key without passphrase, readable only by this
     * JVM's user; sshd accepts it for {@link #user()}. Its public half is next to it, with {@code .pub} appended.
     *
     * @return the key file
     */
    public Path clientKey() {
        return clientKey;
    }

    /**
     * Returns sshd's public host key ({@code ssh-ed25519 <base64> <comment>}), for clients that verify it.
     *
     * @return the public key file
     */
    public Path hostPublicKey() {
        return Path.of(hostKey + ".pub");
    }

    /**
     * Returns how to reach the peer, with both the password and the private key.
     *
     * @return the endpoint
     */
    public NetconfEndpoint endpoint() {
        return new NetconfEndpoint(HOST, port, user(), password(), Optional.of(clientKey));
    }

    /**
     * Returns the options the peer was started with.
     *
     * @return the options
     */
    public NetconfdOptions options() {
        return options;
    }

    /**
     * Returns the processes of the peer (netconfd and sshd), for checks that closing ends them.
     *
     * @return their handles
     */
    public List<ProcessHandle> processes() {
        return processes.stream().map(ChildProcess::handle).toList();
    }

    /**
     * Returns the peer's temporary directory, for checks that closing deletes it.
     *
     * @return the directory
     */
    public Path directory() {
        return directory.root();
    }

    /**
     * Kills sshd (and the session processes it started) and netconfd, then deletes the directory. Idempotent.
     */
    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        directory.close();
    }

    private boolean sshdLogMentions(final String text) {
        Path log = directory.root().resolve("run/sshd.log");
        return Files.exists(log) && ChildProcess.tail(log, 50).contains(text);
    }

    private static void createPrivilegeSeparationDirectory() {
        try {
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            throw new UncheckedIOException("sshd needs /run/sshd", e);
        }
    }


    private static void setPermissions(final Path file, final String permissions) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot change the permissions of " + file, e);
        }
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the netconfd peer", e);
        }
    }
}

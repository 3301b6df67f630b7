package org.sdqkd.netconf.client.impl;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.sdqkd.netconf.client.api.ClientConfig;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.api.NetconfConnectException;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.ReconnectOptions;
import org.sdqkd.netconf.client.api.ReconnectingSession;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.ssh.qkd.SshQkd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link NetconfClient} on Apache MINA SSHD: one {@link SshClient} with a fixed number of NIO2 I/O threads, a
 * fixed pool of worker threads and one timer thread, whatever the number of sessions. Connecting is a chain of MINA
 * future listeners (connect, authenticate, open the subsystem) that blocks no thread. The client reads no
 * {@code ~/.ssh} file: keys, known hosts and host configuration come from the {@link ConnectOptions} only.
 */
public final class MinaNetconfClient implements NetconfClient {
    private static final Logger LOG = LoggerFactory.getLogger(MinaNetconfClient.class);
    private static final String SUBSYSTEM = "netconf";
    /** The standard key exchange method offered first. */
    static final String PREFERRED_KEX = "mlkem768x25519-sha256";
    private static final AttributeRepository.AttributeKey<ServerKeyVerifier> VERIFIER =
        new AttributeRepository.AttributeKey<>();

    private final SshClient ssh;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timer;
    private final Set<NetconfSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<ReconnectingSession> reconnecting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Starts a client.
     *
     * @param config the thread counts
     */
    public MinaNetconfClient(final ClientConfig config) {
        requireNonNull(config);
        workers = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), threads("netconf-client-worker-"));
        workers.allowCoreThreadTimeOut(true);
        timer = new ScheduledThreadPoolExecutor(1, threads("netconf-client-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        ssh = SshClient.setUpDefaultClient();
        CoreModuleProperties.NIO_WORKERS.set(ssh, config.ioThreads());
        // requests are written whole: no Nagle delay behind the server's delayed ACKs
        CoreModuleProperties.TCP_NODELAY.set(ssh, true);
        // AES-GCM first (the client's order chooses the cipher): the JDK runs AES and GHASH in CPU instructions,
        // several times faster than MINA's ChaCha20-Poly1305 in plain Java, which was most of the SSH cost of a
        // large reply on both sides; a server without AES-GCM still gets the other ciphers in their usual order
        final List<NamedFactory<Cipher>> ciphers = new ArrayList<>(ssh.getCipherFactories());
        ciphers.sort(Comparator.comparing(cipher -> !cipher.getName().endsWith("-gcm@openssh.com")));
        ssh.setCipherFactories(ciphers);
        // ML-KEM-768 + X25519 first among the standard methods (OpenSSH 10's default; post-quantum hybrid like
        // sntrup761x25519, which MINA puts first): Bouncy Castle's sntrup761 key generation was most of a
        // connection's CPU time, ML-KEM's is a small part of it; the other methods keep MINA's order
        final List<KeyExchangeFactory> methods = new ArrayList<>(ssh.getKeyExchangeFactories());
        methods.sort(Comparator.comparing(method -> !PREFERRED_KEX.equals(method.getName())));
        ssh.setKeyExchangeFactories(methods);
        ssh.setServerKeyVerifier((session, address, key) -> {
            final ServerKeyVerifier verifier = session.getConnectionContext() == null ? null
                : session.getConnectionContext().getAttribute(VERIFIER);
            return verifier != null && verifier.verifyServerKey(session, address, key);
        });
        ssh.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        ssh.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        ssh.setSessionFactory(new KeepaliveSessionFactory(ssh));
        // the hybrid QKD methods; each connection offers what its own options say
        SshQkd.installClient(ssh);
        ssh.start();
    }

    @Override
    public CompletableFuture<NetconfSession> connect(final ConnectOptions options) {
        requireNonNull(options);
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the client is closed"));
        }
        return new Attempt(options, false).start();
    }

    @Override
    public ReconnectingSession reconnecting(final ConnectOptions options, final ReconnectOptions reconnect,
            final Function<NetconfSession, CompletableFuture<?>> onConnect) {
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        final DefaultReconnectingSession session = new DefaultReconnectingSession(this, options, reconnect,
            onConnect, timer, workers);
        reconnecting.add(session);
        session.closeFuture().thenRun(() -> reconnecting.remove(session));
        return session;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("closing the NETCONF client: {} sessions, {} reconnecting", sessions.size(), reconnecting.size());
        reconnecting.forEach(ReconnectingSession::stop);
        sessions.forEach(NetconfSession::close);
        ssh.stop();
        timer.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(final String prefix) {
        final AtomicInteger count = new AtomicInteger();
        return task -> {
            final Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Whether a failure, or one of its causes, is an SSH disconnect for a failed key exchange. */
    private static boolean keyExchangeFailed(final Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SshException ssh
                    && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_KEY_EXCHANGE_FAILED) {
                return true;
            }
        }
        return false;
    }

    /** One connection attempt: a chain of MINA listeners, failed as a whole by the connect timeout. */
    private final class Attempt {
        private final ConnectOptions options;
        private final boolean standardOnly;
        private final CompletableFuture<NetconfSession> result = new CompletableFuture<>();
        private final String target;
        private volatile ClientSession session;
        private volatile ScheduledFuture<?> deadline;

        Attempt(final ConnectOptions options, final boolean standardOnly) {
            this.options = options;
            this.standardOnly = standardOnly;
            this.target = options.user() + "@" + options.host() + ":" + options.port();
        }

        CompletableFuture<NetconfSession> start() {
            final Duration timeout = options.connectTimeout();
            deadline = timer.schedule(() -> fail("connecting to " + target + " timed out after " + timeout.toMillis()
                + " ms", null), timeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                final Map<AttributeRepository.AttributeKey<?>, Object> attributes = new HashMap<>(Map.of(
                    VERIFIER, HostKeyVerifiers.of(options.hostKeyVerification()),
                    KeepaliveSessionFactory.KEEPALIVE, new KeepaliveSessionFactory.Keepalive(
                        options.keepaliveInterval(), options.keepaliveMaxMissed())));
                options.qkd().ifPresent(qkd -> SshQkd.addClientContext(attributes, qkd, standardOnly));
                final AttributeRepository context = AttributeRepository.ofAttributesMap(attributes);
                final ConnectFuture connect = ssh.connect(options.user(), options.host(), options.port(), context,
                    null);
                connect.addListener(this::connected);
            } catch (IOException | RuntimeException e) {
                fail("cannot connect to " + target, e);
            }
            // complete on a worker, not on a MINA I/O thread, so that dependent stages never hold I/O threads
            return result.whenCompleteAsync((s, e) -> { }, workers);
        }

        private void connected(final ConnectFuture future) {
            if (!future.isConnected()) {
                fail("cannot connect to " + target, future.getException());
                return;
            }
            final ClientSession connected = future.getClientSession();
            session = connected;
            if (result.isDone()) {
                connected.close(true);
                return;
            }
            try {
                configure(connected);
                connected.auth().addListener(this::authenticated);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                fail("cannot authenticate to " + target, e);
            }
        }

        private void configure(final ClientSession connected) throws IOException, GeneralSecurityException {
            final char[] password = options.password().orElse(null);
            if (password != null) {
                connected.addPasswordIdentity(new String(password));
                Arrays.fill(password, '\0');
            }
            for (KeyPair keyPair : options.keyPairs()) {
                connected.addPublicKeyIdentity(keyPair);
            }
            if (options.keyFile().isPresent()) {
                final char[] passphrase = options.keyPassphrase().orElse(null);
                final FilePasswordProvider provider = passphrase == null ? FilePasswordProvider.EMPTY
                    : FilePasswordProvider.of(new String(passphrase));
                try (InputStream in = Files.newInputStream(options.keyFile().orElseThrow())) {
                    for (KeyPair keyPair : SecurityUtils.loadKeyPairIdentities(connected,
                            NamedResource.ofName(options.keyFile().orElseThrow().toString()), in, provider)) {
                        connected.addPublicKeyIdentity(keyPair);
                    }
                } finally {
                    if (passphrase != null) {
                        Arrays.fill(passphrase, '\0');
                    }
                }
            }
        }

        private void authenticated(final AuthFuture future) {
            if (!future.isSuccess()) {
                // MINA fails the authentication future also when the key exchange before it fails
                fail((keyExchangeFailed(future.getException()) ? "the SSH key exchange with " : "authentication to ")
                    + target + " failed", future.getException());
                return;
            }
            try {
                final ChannelSubsystem channel = session.createSubsystemChannel(SUBSYSTEM);
                channel.setStreaming(ClientChannel.Streaming.Async);
                channel.open().addListener(opened -> subsystemOpened(channel, opened));
            } catch (IOException | RuntimeException e) {
                fail("cannot open the netconf subsystem at " + target, e);
            }
        }

        private void subsystemOpened(final ChannelSubsystem channel, final OpenFuture future) {
            if (!future.isOpened()) {
                fail("the netconf subsystem was refused at " + target, future.getException());
                return;
            }
            if (result.isDone()) {
                session.close(true);
                return;
            }
            deadline.cancel(false);
            final ChannelNetconfSession netconf = new ChannelNetconfSession(session, channel, workers, timer,
                MessageCodec.of(new XmlLimits(XmlLimits.DEFAULT.maxDepth(), options.maxMessageSize())),
                Hello.client(options.capabilities()), options.maxMessageSize(), options.rpcTimeout());
            sessions.add(netconf);
            netconf.closeFuture().thenRun(() -> sessions.remove(netconf));
            if (closed.get()) {
                netconf.close();
            }
            netconf.start(options.helloTimeout()).whenComplete((s, e) -> {
                if (e == null) {
                    result.complete(s);
                } else {
                    result.completeExceptionally(e);
                }
            });
        }

        private void fail(final String message, final Throwable cause) {
            final ClientSession failed = session;
            if (!standardOnly && failed != null && options.qkd().isPresent() && SshQkd.fallbackPermitted(failed)
                    && !result.isDone()) {
                // allowed by the configuration only, and only when this client's own KME had no key (never by what
                // the server sends before the keys are set, which anyone on the path can forge); never silent
                LOG.warn("{}: the hybrid QKD key exchange failed because the client's KME had no key for it ({}); "
                    + "connecting again with standard key exchange methods, as fallback-on-kme-failure allows", target,
                    cause == null ? message : cause.getMessage());
                final ScheduledFuture<?> timeout = deadline;
                if (timeout != null) {
                    timeout.cancel(false);
                }
                failed.close(true);
                new Attempt(options, true).start().whenComplete((s, e) -> {
                    if (e == null) {
                        result.complete(s);
                    } else {
                        result.completeExceptionally(e instanceof java.util.concurrent.CompletionException
                            && e.getCause() != null ? e.getCause() : e);
                    }
                });
                return;
            }
            if (result.completeExceptionally(new NetconfConnectException(message, cause))) {
                final ScheduledFuture<?> timeout = deadline;
                if (timeout != null) {
                    timeout.cancel(false);
                }
                final ClientSession connected = session;
                if (connected != null) {
                    connected.close(true);
                }
            }
        }
    }
}

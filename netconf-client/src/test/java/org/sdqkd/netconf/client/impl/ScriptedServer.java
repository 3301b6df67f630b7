package org.sdqkd.netconf.client.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.EndOfMessageFraming;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.FramingException;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.Rpc;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.netconf.server.NetconfSshServer;
import org.sdqkd.datastore.api.PasswordHash;
import org.sdqkd.netconf.server.api.SessionHandler;
import org.sdqkd.netconf.server.api.SessionInfo;
import org.sdqkd.netconf.server.api.SshServerConfig;
import org.sdqkd.netconf.server.api.SshUser;
import org.sdqkd.netconf.server.api.TransportSession;

/**
 * A NETCONF peer for tests behind the project's MINA SSH server: sends its hello, reads the client's, negotiates the
 * framing and hands every rpc to a {@link Script}, which answers as it likes (in order or not, with notifications,
 * malformed bytes, or by closing the session).
 */
final class ScriptedServer implements SessionHandler, AutoCloseable {
    static final String USER = "tester";
    static final String PASSWORD = "secret-for-tests";
    static final Set<URI> BOTH = Set.of(Capabilities.BASE_1_0, Capabilities.BASE_1_1);
    private static final PasswordHash HASH = PasswordHash.hash(PASSWORD.toCharArray(), PasswordHash.MIN_ITERATIONS);

    /** What the server does with each rpc. */
    @FunctionalInterface
    interface Script {
        void onRpc(Rpc rpc, Peer peer) throws IOException;
    }

    /** One server-side session, for scripts. */
    static final class Peer {
        private final TransportSession transport;
        private final Framing framing;
        private final MessageCodec codec;

        Peer(final TransportSession transport, final Framing framing, final MessageCodec codec) {
            this.transport = transport;
            this.framing = framing;
            this.codec = codec;
        }

        long sessionId() {
            return transport.info().sessionId();
        }

        void send(final NetconfMessage message) throws IOException {
            sendRaw(frame(codec.encode(message)));
        }

        void reply(final Rpc rpc, final ReplyContent content) throws IOException {
            send(RpcReply.to(rpc, content));
        }

        void ok(final Rpc rpc) throws IOException {
            reply(rpc, new ReplyContent.Ok());
        }

        byte[] frame(final byte[] message) throws IOException {
            try {
                return framing.encode(message);
            } catch (FramingException e) {
                throw new IOException(e);
            }
        }

        void sendRaw(final byte[] bytes) throws IOException {
            synchronized (this) {
                transport.output().write(bytes);
                transport.output().flush();
            }
        }

        void close() {
            transport.close();
        }
    }

    private final Path hostKey;
    private final List<String> authorizedKeys;
    private final Set<URI> capabilities;
    private final Script script;
    private final MessageCodec codec = MessageCodec.of(XmlLimits.DEFAULT);
    private final AtomicInteger served = new AtomicInteger();
    private final BlockingQueue<SessionInfo> closed = new LinkedBlockingQueue<>();
    private volatile Optional<byte[]> rawHello = Optional.empty();
    private volatile Duration idleTimeout = Duration.ZERO;
    private NetconfSshServer server;
    private int port;

    ScriptedServer(final Path dir, final Set<URI> capabilities, final Script script) {
        this(dir, capabilities, script, List.of());
    }

    ScriptedServer(final Path dir, final Set<URI> capabilities, final Script script,
            final List<String> authorizedKeys) {
        this.hostKey = dir.resolve("host_key");
        this.capabilities = capabilities;
        this.script = script;
        this.authorizedKeys = authorizedKeys;
    }

    /** Sends these bytes instead of a proper hello. */
    ScriptedServer withRawHello(final byte[] bytes) {
        rawHello = Optional.of(bytes);
        return this;
    }

    /** Closes connections that pass no traffic for this long. */
    ScriptedServer withIdleTimeout(final Duration timeout) {
        idleTimeout = timeout;
        return this;
    }

    /** Starts listening, on a free port the first time and on the same port after a {@link #stop()}. */
    ScriptedServer start() throws IOException {
        final SshUser user = new SshUser(USER, Optional.of(HASH), authorizedKeys);
        server = NetconfSshServer.of(SshServerConfig.of(hostKey, List.of(user)).withPort(port).withMaxSessions(200)
            .withIdleTimeout(idleTimeout), this);
        server.start();
        port = server.port();
        return this;
    }

    int port() {
        return port;
    }

    Path hostKeyFile() {
        return hostKey;
    }

    /** The host's public key, once started. */
    PublicKey hostPublicKey() throws Exception {
        try (InputStream in = Files.newInputStream(hostKey)) {
            return SecurityUtils.loadKeyPairIdentities(null,
                NamedResource.ofName("host"), in, null).iterator().next().getPublic();
        }
    }

    int servedCount() {
        return served.get();
    }

    BlockingQueue<SessionInfo> closedSessions() {
        return closed;
    }

    void stop() throws IOException {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    @Override
    public void serve(final TransportSession session) throws IOException {
        served.incrementAndGet();
        final OutputStream out = session.output();
        final Hello hello = Hello.server(session.info().sessionId(), capabilities);
        try {
            out.write(rawHello.isPresent() ? rawHello.get()
                : EndOfMessageFraming.of(16 * 1024 * 1024).encode(codec.encode(hello)));
            out.flush();
            final InputStream in = session.input();
            Framing decoder = EndOfMessageFraming.of(16 * 1024 * 1024);
            Framing framing = null;
            final byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int offset = 0;
                while (framing == null && offset < n) {
                    final List<byte[]> messages = decoder.decode(buffer, offset++, 1);
                    if (!messages.isEmpty()) {
                        final Hello client = (Hello) codec.decode(messages.getFirst());
                        framing = hello.negotiateFraming(client, 16 * 1024 * 1024);
                        decoder = hello.negotiateFraming(client, 16 * 1024 * 1024);
                    }
                }
                if (framing == null || offset >= n) {
                    continue;
                }
                final Peer peer = new Peer(session, framing, codec);
                for (byte[] message : decoder.decode(buffer, offset, n - offset)) {
                    if (codec.decode(message) instanceof Rpc rpc) {
                        script.onRpc(rpc, peer);
                    }
                }
            }
        } catch (FramingException | MessageException | ClassCastException e) {
            throw new IOException("bad client input", e);
        }
    }

    @Override
    public void sessionClosed(final SessionInfo session) {
        closed.add(session);
    }

    /** A script that answers every rpc with ok. */
    static Script okToAll() {
        return (rpc, peer) -> peer.ok(rpc);
    }

    /** The local name of an rpc's operation. */
    static String operation(final Rpc rpc) {
        return rpc.operation().localName();
    }
}

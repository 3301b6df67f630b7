package org.sdqkd.netconf.server.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.ChunkedFraming;
import org.sdqkd.netconf.protocol.api.EndOfMessageFraming;
import org.sdqkd.netconf.protocol.api.Framing;
import org.sdqkd.netconf.protocol.api.FramingException;
import org.sdqkd.netconf.protocol.api.Hello;
import org.sdqkd.netconf.protocol.MessageCodec;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.XmlLimits;
import org.sdqkd.ssh.qkd.api.ClientQkd;
import org.sdqkd.ssh.qkd.SshQkd;

/**
 * A bare NETCONF client over SSH for the agent's own tests: sends text, returns the text of what comes back, so
 * tests see exactly what a client would. Blocking, one thread.
 */
public final class RawNetconf implements AutoCloseable {
    /** How long any step may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final MessageCodec CODEC = MessageCodec.of(XmlLimits.DEFAULT);

    private final SshClient client;
    private final ClientSession ssh;
    private final ChannelSubsystem channel;
    private final InputStream in;
    private final OutputStream out;
    private final Deque<String> received = new ArrayDeque<>();
    private final Deque<String> notifications = new ArrayDeque<>();
    private final AtomicInteger messageId = new AtomicInteger();
    private Framing input = EndOfMessageFraming.of(1 << 30);
    private Framing output = EndOfMessageFraming.of(1 << 30);
    private Hello serverHello;

    private RawNetconf(final int port, final String user, final ClientQkd qkd) throws IOException {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> true);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        final Map<AttributeKey<?>, Object> context = new HashMap<>();
        if (qkd != null) {
            SshQkd.installClient(client);
            SshQkd.addClientContext(context, qkd, false);
        }
        client.start();
        ssh = client.connect(user, "127.0.0.1", port, AttributeRepository.ofAttributesMap(context))
            .verify(TIMEOUT).getSession();
        ssh.addPasswordIdentity(user);
        ssh.auth().verify(TIMEOUT);
        channel = ssh.createSubsystemChannel("netconf");
        channel.open().verify(TIMEOUT);
        in = channel.getInvertedOut();
        out = channel.getInvertedIn();
    }

    /** Connects as a user (whose password is the user name) without exchanging hellos. */
    public static RawNetconf open(final int port, final String user) throws IOException {
        return new RawNetconf(port, user, null);
    }

    /** Connects and exchanges hellos, announcing base:1.1 (chunked framing) or only base:1.0. */
    public static RawNetconf connect(final int port, final String user, final boolean chunked) throws IOException {
        final RawNetconf session = new RawNetconf(port, user, null);
        session.hello(chunked);
        return session;
    }

    /**
     * Connects over a hybrid classical + QKD key exchange, offering what {@code qkd} says, and exchanges hellos with
     * chunked framing.
     */
    public static RawNetconf connectHybrid(final int port, final String user, final ClientQkd qkd)
            throws IOException {
        final RawNetconf session = new RawNetconf(port, user, qkd);
        session.hello(true);
        return session;
    }

    /** The SSH connection: its negotiated methods, its QKD exchange, a re-key. */
    public ClientSession ssh() {
        return ssh;
    }

    /** Reads the server's hello and sends the client's. */
    public void hello(final boolean chunked) throws IOException {
        try {
            serverHello = (Hello) CODEC.decode(receive().getBytes(UTF_8));
        } catch (MessageException e) {
            throw new IOException("bad server hello", e);
        }
        final List<URI> mine = chunked ? List.of(Capabilities.BASE_1_0, Capabilities.BASE_1_1)
            : List.of(Capabilities.BASE_1_0);
        send(new String(CODEC.encode(Hello.client(mine)), UTF_8));
        if (chunked) {
            input = ChunkedFraming.of(1 << 30);
            output = ChunkedFraming.of(1 << 30);
        }
    }

    public Hello serverHello() {
        return serverHello;
    }

    public long sessionId() {
        return serverHello.sessionId().orElseThrow();
    }

    /**
     * Sends one operation in an rpc with the next message-id and returns the reply's text. Notifications that
     * come before the reply are kept for {@link #notification()}.
     */
    public String rpc(final String operation) throws IOException {
        send("<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"" + messageId.incrementAndGet()
            + "\">" + operation + "</rpc>");
        return reply();
    }

    /** The next message that is not a notification; notifications before it are kept for {@link #notification()}. */
    public String reply() throws IOException {
        while (true) {
            final String message = next();
            if (isNotification(message)) {
                notifications.add(message);
            } else {
                return message;
            }
        }
    }

    /** The next notification, kept from before or read now (replies read meanwhile are dropped). */
    public String notification() throws IOException {
        while (notifications.isEmpty()) {
            final String message = next();
            if (isNotification(message)) {
                return message;
            }
        }
        return notifications.poll();
    }

    private static boolean isNotification(final String message) {
        String text = message.strip();
        if (text.startsWith("<?xml")) {
            text = text.substring(text.indexOf("?>") + 2).strip();
        }
        return text.startsWith("<notification") || text.matches("(?s)^<[A-Za-z_][\\w.-]*:notification[\\s>].*");
    }

    /** Sends one message in the negotiated framing. */
    public void send(final String message) throws IOException {
        try {
            out.write(output.encode(message.getBytes(UTF_8)));
        } catch (FramingException e) {
            throw new IOException(e);
        }
        out.flush();
    }

    /** Sends bytes as they are, without framing. */
    public void sendRaw(final String bytes) throws IOException {
        sendBytes(bytes.getBytes(UTF_8));
    }

    /** Sends bytes as they are, without framing. */
    public void sendBytes(final byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next message, whether a reply or a notification (kept ones first); throws on end of input. */
    public String receive() throws IOException {
        return notifications.isEmpty() ? next() : notifications.poll();
    }

    private String next() throws IOException {
        final byte[] buffer = new byte[8192];
        while (received.isEmpty()) {
            final int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the server closed the session");
            }
            try {
                input.decode(buffer, 0, n).forEach(m -> received.add(new String(m, UTF_8)));
            } catch (FramingException e) {
                throw new IOException("bad framing from the server", e);
            }
        }
        return received.poll();
    }

    /** Whether the server closed the channel within the timeout, reading and dropping what comes before. */
    public boolean closedByServer() {
        final Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED,
            ClientChannelEvent.EOF), TIMEOUT);
        if (!events.contains(ClientChannelEvent.CLOSED) && !events.contains(ClientChannelEvent.EOF)) {
            // the timeout: a read now would block
            return false;
        }
        final byte[] buffer = new byte[8192];
        try {
            while (in.available() > 0) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            channel.close(true);
            ssh.close(true);
        } finally {
            client.stop();
        }
    }
}

package org.sdqkd.netconf.interop.tools;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's client as a NETCONF client: {@code sshpass -p PW ssh -p P ... -s user@host netconf}, speaking base:1.0
 * end-of-message framing (RFC 6242 section 4.1) over its stdin and stdout.
 */
public final class OpenSshNetconf {

    /** The RFC 6242 end-of-message marker. */
    public static final String EOM = "]]>]]>";

    /** A client hello offering base:1.0 only. */
    public static final String CLIENT_HELLO = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><capabilities>"
        + "<capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>";

    private static final Path SSH = Path.of("/usr/bin/ssh");
    private static final Path SSHPASS = Path.of("/usr/bin/sshpass");

    private OpenSshNetconf() {
    }

    /**
     * What was exchanged.
     *
     * @param serverHello the server's hello
     * @param replies the replies to the requests, in order
     * @param exitCode ssh's exit status after the session was closed
     * @param log ssh's standard error
     */
    public record Exchange(String serverHello, List<String> replies, int exitCode, String log) {
    }

    /**
     * Opens a session, sends the client hello once the server's hello arrived, then each request after the
     * previous reply, then {@code <close-session>}, and waits for ssh to exit.
     *
     * @param server the server
     * @param requests the {@code <rpc>} messages (without the end-of-message marker)
     * @param dir where ssh's log goes
     * @param timeout for the whole exchange
     * @return the exchange; replies has one element per request plus the close-session reply
     * @throws IOException if ssh cannot start
     * @throws InterruptedException if interrupted
     */
    public static Exchange exchange(final AgentUnderTest server, final List<String> requests, final Path dir,
            final Duration timeout) throws IOException, InterruptedException {
        return exchange(server, requests, dir, timeout, Duration.ZERO);
    }

    /**
     * As {@link #exchange(AgentUnderTest, List, Path, Duration)}, pausing after the client hello: netconfd 2.13
     * may drop a request that follows the hello at once.
     *
     * @param server the server
     * @param requests the {@code <rpc>} messages (without the end-of-message marker)
     * @param dir where ssh's log goes
     * @param timeout for the whole exchange
     * @param helloPause how long to wait between the client hello and the first request
     * @return the exchange; replies has one element per request plus the close-session reply
     * @throws IOException if ssh cannot start
     * @throws InterruptedException if interrupted
     */
    public static Exchange exchange(final AgentUnderTest server, final List<String> requests, final Path dir,
            final Duration timeout, final Duration helloPause) throws IOException, InterruptedException {
        ToolRun.requireExecutable(SSH, "openssh-client");
        ToolRun.requireExecutable(SSHPASS, "sshpass");
        Files.createDirectories(dir);
        Path log = dir.resolve("ssh.log");
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessBuilder builder = new ProcessBuilder(SSHPASS.toString(), "-e", SSH.toString(), "-F", "/dev/null",
            "-p", Integer.toString(server.port()), "-o", "StrictHostKeyChecking=no",
            "-o", "UserKnownHostsFile=/dev/null", "-o", "PubkeyAuthentication=no", "-o", "ConnectTimeout=10",
            "-o", "LogLevel=ERROR", "-s", server.user() + "@" + server.host(), "netconf")
            .redirectError(log.toFile());
        builder.environment().put("SSHPASS", server.password());  // -e: not on the command line
        Process process = builder.start();
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> split(process.getInputStream(), messages));
        try (OutputStream in = process.getOutputStream()) {
            String hello = next(messages, deadline, "server hello", log);
            send(in, CLIENT_HELLO);
            Thread.sleep(helloPause);
            List<String> replies = new ArrayList<>();
            for (String request : requests) {
                send(in, request);
                replies.add(next(messages, deadline, "reply", log));
            }
            send(in, "<rpc message-id=\"close\" xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                + "<close-session/></rpc>");
            replies.add(next(messages, deadline, "close-session reply", log));
            in.close();
            if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("ssh did not exit after close-session: " + Files.readString(log, UTF_8));
            }
            reader.join(Duration.ofSeconds(5));
            return new Exchange(hello, List.copyOf(replies), process.exitValue(), Files.readString(log, UTF_8));
        } finally {
            ToolRun.destroyTree(process);
        }
    }

    private static void send(final OutputStream in, final String message) throws IOException {
        in.write((message + EOM).getBytes(UTF_8));
        in.flush();
    }

    private static String next(final BlockingQueue<String> messages, final long deadline, final String what,
            final Path log) throws InterruptedException, IOException {
        String message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (message == null) {
            throw new AssertionError("no " + what + " from the server; ssh said: " + Files.readString(log, UTF_8));
        }
        return message;
    }

    private static void split(final InputStream out, final BlockingQueue<String> messages) {
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        byte[] marker = EOM.getBytes(UTF_8);
        try {
            int b;
            while ((b = out.read()) >= 0) {
                current.write(b);
                if (b != '>') {
                    continue;
                }
                byte[] bytes = current.toByteArray();
                if (endsWith(bytes, marker)) {
                    messages.add(new String(bytes, 0, bytes.length - marker.length, UTF_8).strip());
                    current.reset();
                }
            }
        } catch (IOException e) {
            // the process ended; the caller times out on the missing message
        }
    }

    private static boolean endsWith(final byte[] bytes, final byte[] suffix) {
        if (bytes.length < suffix.length) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            if (bytes[bytes.length - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }
}

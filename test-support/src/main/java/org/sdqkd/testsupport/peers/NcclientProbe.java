package org.sdqkd.testsupport.peers;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A NETCONF client sdqkd did not write: Python's {@code ncclient} (Debian package {@code python3-ncclient}, run
 * by {@code /usr/bin/python3}). It connects to servers, reads each hello and runs one {@code get-config}. The
 * fixtures' own tests use it to show that the peers answer.
 */
public final class NcclientProbe {

    private static final String SCRIPT = "/org/sdqkd/testsupport/peers/ncclient_probe.py";

    private NcclientProbe() {
    }

    /**
     * What one server answered.
     *
     * @param sessionId the session-id of its hello
     * @param capabilities the capabilities of its hello, sorted
     * @param getConfigReply the {@code rpc-reply} to {@code get-config}
     */
    public record Answer(String sessionId, List<String> capabilities, String getConfigReply) {

        /**
         * Checks the components and copies the capability list.
         */
        public Answer {
            requireNonNull(sessionId, "sessionId");
            capabilities = List.copyOf(capabilities);
            requireNonNull(getConfigReply, "getConfigReply");
        }
    }

    /**
     * Connects to every server at once (one thread each), reads its hello and runs {@code get-config}.
     *
     * @param endpoints the servers; the private key is used when there is one, else the password
     * @param source the datastore to read: {@code running}, {@code candidate} or {@code startup}
     * @param timeout how long all of it may take
     * @return the answers, in the order of {@code endpoints}
     * @throws IllegalStateException if ncclient is not installed or any server failed (the message says how)
     */
    public static List<Answer> helloAndGetConfig(final List<NetconfEndpoint> endpoints, final String source,
            final Duration timeout) {
        HostTools.require(HostTools.SYSTEM_PYTHON, "python3");
        HostTools.Result check = HostTools.run(List.of(HostTools.SYSTEM_PYTHON.toString(), "-c", "import ncclient"),
            "", Duration.ofSeconds(30));
        if (check.exitCode() != 0) {
            throw new IllegalStateException("/usr/bin/python3 cannot import ncclient: install the Debian package "
                + "python3-ncclient (apt-get install -y python3-ncclient): " + check.output().strip());
        }
        StringBuilder input = new StringBuilder();
        for (NetconfEndpoint endpoint : endpoints) {
            input.append(endpoint.host()).append('\t').append(endpoint.port()).append('\t').append(endpoint.user())
                .append('\t').append(endpoint.password()).append('\t')
                .append(endpoint.privateKey().map(Path::toString).orElse("-")).append('\t').append(source)
                .append('\n');
        }
        Path script = writeScript();
        try {
            HostTools.Result result = HostTools.run(List.of(HostTools.SYSTEM_PYTHON.toString(), script.toString()),
                input.toString(), timeout);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("ncclient probe failed: " + result.output().strip());
            }
            return parse(result.output(), endpoints);
        } finally {
            ScratchDirectory.deleteTree(script);
        }
    }

    private static List<Answer> parse(final String output, final List<NetconfEndpoint> endpoints) {
        List<Answer> answers = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        String sessionId = null;
        List<String> capabilities = new ArrayList<>();
        Optional<String> reply = Optional.empty();
        for (String line : output.lines().toList()) {
            if (line.startsWith("BEGIN ")) {
                sessionId = null;
                capabilities = new ArrayList<>();
                reply = Optional.empty();
            } else if (line.startsWith("SESSION ")) {
                sessionId = line.substring("SESSION ".length());
            } else if (line.startsWith("CAPABILITY ")) {
                capabilities.add(line.substring("CAPABILITY ".length()));
            } else if (line.startsWith("REPLY ")) {
                reply = Optional.of(decode(line.substring("REPLY ".length())));
            } else if (line.startsWith("ERROR ")) {
                failures.add(endpoints.get(answers.size() + failures.size()) + ": "
                    + decode(line.substring("ERROR ".length())));
            } else if ("END".equals(line) && reply.isPresent() && sessionId != null) {
                answers.add(new Answer(sessionId, capabilities, reply.orElseThrow()));
            }
        }
        if (!failures.isEmpty() || answers.size() != endpoints.size()) {
            throw new IllegalStateException("ncclient got " + answers.size() + " answers from " + endpoints.size()
                + " servers; failures: " + failures + "\noutput:\n" + output);
        }
        return answers;
    }

    private static String decode(final String base64) {
        return new String(Base64.getDecoder().decode(base64), UTF_8);
    }

    private static Path writeScript() {
        try (InputStream in = NcclientProbe.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the class path");
            }
            Path script = Files.createTempFile("ncclient-probe-", ".py");
            Files.write(script, in.readAllBytes());
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ncclient probe script", e);
        }
    }
}

package org.sdqkd.netconf.interop.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs yuma123's {@code yangcli} in batch mode with one command. yangcli exits 0 even when it cannot log in or the
 * server answers with an rpc-error, so the outcome is read from what it prints; it writes history and
 * state under {@code $HOME/.yuma}, so it gets a private HOME.
 */
public final class Yangcli {

    /** Where Debian's yangcli package installs it. */
    public static final Path YANGCLI = Path.of("/usr/bin/yangcli");

    private Yangcli() {
    }

    /**
     * The outcome.
     *
     * @param run the yangcli run
     */
    public record Result(ToolRun run) {

        /** @return everything yangcli printed */
        public String output() {
            return run.stdout() + run.stderr();
        }

        /** @return whether a session was opened and the command got an ok or data reply without error */
        public boolean succeeded() {
            String out = output();
            return run.exitCode() == 0 && (out.contains("RPC Data Reply") || out.contains("RPC OK Reply"))
                && !out.contains("RPC Error Reply") && !out.contains("Start session failed")
                && !out.lines().anyMatch(l -> l.startsWith("Error:"));
        }
    }

    /**
     * Connects, runs one command and quits.
     *
     * @param server the server
     * @param command a yangcli command, such as {@code xget-config source=running /network}
     * @param dir a directory for yangcli's HOME and the outputs
     * @param timeout after which yangcli is killed
     * @return the outcome
     * @throws IOException if yangcli cannot start
     * @throws InterruptedException if interrupted
     */
    public static Result run(final AgentUnderTest server, final String command, final Path dir,
            final Duration timeout) throws IOException, InterruptedException {
        ToolRun.requireExecutable(YANGCLI, "yangcli");
        Path home = Files.createDirectories(dir.resolve("home"));
        return new Result(ToolRun.run(List.of(YANGCLI.toString(), "--server=" + server.host(),
            "--ncport=" + server.port(), "--user=" + server.user(), "--password=" + server.password(),
            "--batch-mode", "--run-command=" + command), server.password(), dir, Map.of("HOME", home.toString()),
            timeout));
    }
}

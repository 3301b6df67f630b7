package org.sdqkd.netconf.interop.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs the ncclient scripts of {@code src/test/python} with Debian's {@code /usr/bin/python3} (the only Python
 * that imports python3-ncclient) and reads the summary they print.
 */
public final class Ncclient {

    /** The interpreter python3-ncclient is installed for. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SUMMARY = "NCCLIENT-SUMMARY ";
    private static final String MISSING = "NCCLIENT-MISSING";

    private Ncclient() {
    }

    /**
     * One check of a script.
     *
     * @param name the check's name
     * @param status pass, fail or skip
     * @param detail what was seen
     */
    public record Check(String name, String status, String detail) {

        /** @return whether the check passed */
        public boolean passed() {
            return "pass".equals(status);
        }
    }

    /**
     * The outcome of one script run.
     *
     * @param run the process run
     * @param checks the checks in the order the script ran them
     */
    public record Summary(ToolRun run, List<Check> checks) {

        /** @return the checks that failed */
        public List<Check> failures() {
            return checks.stream().filter(c -> "fail".equals(c.status())).toList();
        }

        /** @return the names of the checks that passed */
        public List<String> passed() {
            return checks.stream().filter(Check::passed).map(Check::name).toList();
        }

        /**
         * @param name a check's name
         * @return that check, if the script ran it
         */
        public Optional<Check> check(final String name) {
            return checks.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        /** @return a report of the failures and the script's diagnostics, for assertion messages */
        public String describe() {
            return failures().stream().map(c -> c.name() + ": " + c.detail())
                .collect(Collectors.joining("\n", "failed checks:\n", "\n"))
                + "exit " + run.exitCode() + "\nstderr:\n" + run.stderr();
        }
    }

    /** @return the directory of the scripts (src/test/python of this module) */
    public static Path scriptsDir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/test/python");
    }

    /** Fails with a clear message unless /usr/bin/python3 imports ncclient. */
    public static void requireInstalled() {
        ToolRun.requireExecutable(PYTHON, "python3 (Debian's, with python3-ncclient)");
        try {
            ToolRun run = ToolRun.run(List.of(PYTHON.toString(), "-c", "import ncclient, lxml"), "",
                Files.createTempDirectory("ncclient-probe"), Map.of(), Duration.ofSeconds(30));
            if (run.exitCode() != 0) {
                throw new AssertionError("python3-ncclient is not installed for " + PYTHON
                    + " (apt-get install python3-ncclient): " + run.stderr());
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + PYTHON, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Runs ncclient_session.py against a server.
     *
     * @param server the server
     * @param workDir a directory for the script
     * @param framing "1.0" or "1.1"
     * @param options further options, such as {@code --model sdqkd} or {@code --skip a,b}
     * @param timeout after which the script is killed
     * @return the summary
     * @throws IOException if python cannot start
     * @throws InterruptedException if interrupted
     */
    public static Summary session(final AgentUnderTest server, final Path workDir, final String framing,
            final List<String> options, final Duration timeout) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(workDir.toString(), "--framing", framing));
        args.addAll(options);
        return script("ncclient_session.py", server, args, workDir, timeout);
    }

    /**
     * Runs ncclient_get_schema.py, which stores every YANG schema the server lists in {@code outDir}.
     *
     * @param server the server
     * @param outDir where the modules go
     * @param options further options, such as {@code --omit-version}
     * @param timeout after which the script is killed
     * @return the summary
     * @throws IOException if python cannot start
     * @throws InterruptedException if interrupted
     */
    public static Summary getSchema(final AgentUnderTest server, final Path outDir, final List<String> options,
            final Duration timeout) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(outDir.toString()));
        args.addAll(options);
        return script("ncclient_get_schema.py", server, args, outDir.resolveSibling(outDir.getFileName() + "-run"),
            timeout);
    }

    /**
     * Runs one script as {@code script HOST PORT USER PASSWORD args...}.
     *
     * @param script the file name in {@link #scriptsDir()}
     * @param server the server
     * @param args the arguments after the password
     * @param dir where outputs are kept
     * @param timeout after which the script is killed
     * @return the summary
     * @throws IOException if python cannot start
     * @throws InterruptedException if interrupted
     */
    public static Summary script(final String script, final AgentUnderTest server, final List<String> args,
            final Path dir, final Duration timeout) throws IOException, InterruptedException {
        requireInstalled();
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-B",
            scriptsDir().resolve(script).toString(), server.host(), Integer.toString(server.port()), server.user(),
            server.password()));
        command.addAll(args);
        ToolRun run = ToolRun.run(command, server.password(), dir, Map.of("PYTHONUNBUFFERED", "1"), timeout);
        if (run.stderr().contains(MISSING)) {
            throw new AssertionError("python3-ncclient is missing: " + run.stderr());
        }
        String line = run.stdout().lines().filter(l -> l.startsWith(SUMMARY)).reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError(script + " printed no summary (exit " + run.exitCode()
                + ")\nstdout:\n" + run.stdout() + "\nstderr:\n" + run.stderr()));
        return new Summary(run, parseChecks(line.substring(SUMMARY.length())));
    }

    /**
     * Reads the checks of a summary.
     *
     * @param json the JSON object a script prints
     * @return the checks
     */
    static List<Check> parseChecks(final String json) {
        Map<?, ?> summary = (Map<?, ?>) MiniJson.parse(json);
        List<Check> checks = new ArrayList<>();
        for (Object item : (List<?>) summary.get("checks")) {
            Map<?, ?> check = (Map<?, ?>) item;
            checks.add(new Check((String) check.get("name"), (String) check.get("status"),
                String.valueOf(check.get("detail"))));
        }
        return List.copyOf(checks);
    }
}

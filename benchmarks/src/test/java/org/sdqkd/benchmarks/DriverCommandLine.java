package org.sdqkd.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs a benchmark driver's picocli command in the test's JVM with its output captured: {@code --help} and wrong
 * options end before the driver's {@code call()}, so no benchmark runs.
 *
 * @param status the exit status {@link CommandLine#execute} returned
 * @param out    what the command printed on standard output
 * @param err    what it printed on standard error
 */
public record DriverCommandLine(int status, String out, String err) {
    /**
     * Executes {@code command} with {@code args}.
     *
     * @param command a driver's command object
     * @param args    its arguments
     * @return the status and the output
     */
    public static DriverCommandLine execute(final Object command, final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int status = commandLine.execute(args);
        return new DriverCommandLine(status, out.toString(), err.toString());
    }

    /**
     * {@code --help}: asserts status 0 and nothing on standard error.
     *
     * @param command a driver's command object
     * @return the usage printed
     */
    public static String help(final Object command) {
        final DriverCommandLine result = execute(command, "--help");
        assertEquals(0, result.status(), result.err());
        assertEquals("", result.err());
        return result.out();
    }

    /**
     * A usage error: asserts status 2 and nothing on standard output.
     *
     * @param command a driver's command object
     * @param args    wrong arguments
     * @return the error printed
     */
    public static String refused(final Object command, final String... args) {
        final DriverCommandLine result = execute(command, args);
        assertEquals(2, result.status(), result.out() + result.err());
        assertEquals("", result.out());
        return result.err();
    }
}

package org.sdqkd.features;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.sdqkd.datastore.api.PasswordHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdqkd hash-password}: reads a password (twice without echo from a terminal, else one line of standard
 * input) and prints its {@code $pbkdf2-sha256$...} hash for the {@code password-hash} of an agent configuration.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
    description = {
        "Hash a password for the password-hash of a user in the agent's configuration.",
        "From a terminal the password is asked twice without echo; otherwise one line of standard input is read.",
        "Prints $pbkdf2-sha256$i=ITERATIONS$SALT$HASH (PBKDF2-HMAC-SHA256, random salt)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:the hash was printed", "2:usage error, no or empty password, or the two entries differ" })
final class HashPasswordCommand implements Callable<Integer> {
    /** The longest password read from standard input, in characters. */
    static final int MAX_LENGTH = 4096;

    @Option(names = "--iterations", paramLabel = "N",
        description = "PBKDF2 iterations (default ${DEFAULT-VALUE}; at least " + PasswordHash.MIN_ITERATIONS + ").")
    private int iterations = PasswordHash.DEFAULT_ITERATIONS;

    @Spec
    private CommandSpec spec;

    private final InputStream in;
    private final boolean consoleAllowed;

    /** The command as the command line runs it: the terminal if there is one, else standard input. */
    HashPasswordCommand() {
        this(System.in, true);
    }

    /**
     * The command reading from a given stream (for tests).
     *
     * @param in             where the password is read when there is no terminal
     * @param consoleAllowed whether to ask on the terminal when there is one
     */
    HashPasswordCommand(final InputStream in, final boolean consoleAllowed) {
        this.in = in;
        this.consoleAllowed = consoleAllowed;
    }

    @Override
    public Integer call() throws IOException {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (iterations < PasswordHash.MIN_ITERATIONS) {
            return fail(err, "--iterations: at least " + PasswordHash.MIN_ITERATIONS + ", not " + iterations);
        }
        final Console console = consoleAllowed ? System.console() : null;
        char[] password = null;
        try {
            if (console != null && isTerminal(console)) {
                password = console.readPassword("Password: ");
                final char[] again = password == null ? null : console.readPassword("Again: ");
                if (again == null) {
                    return fail(err, "no password read");
                }
                final boolean same = Arrays.equals(password, again);
                Arrays.fill(again, '\0');
                if (!same) {
                    return fail(err, "the two passwords differ");
                }
            } else {
                password = readLine(new InputStreamReader(in, StandardCharsets.UTF_8));
                if (password == null) {
                    return fail(err, "no password on standard input");
                }
            }
            if (password.length == 0) {
                return fail(err, "empty password");
            }
            out.println(PasswordHash.hash(password, iterations).encoded());
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static int fail(final PrintWriter err, final String message) {
        err.println("sdqkd hash-password: " + message);
        err.flush();
        return 2;
    }

    /**
     * Reads one line into a char array that the caller erases, without making a {@code String} of it.
     *
     * @return the line without its end ({@code \n} or {@code \r\n}), or null at end of input with nothing read
     * @throws IllegalArgumentException when the line is longer than {@link #MAX_LENGTH}
     */
    static char[] readLine(final Reader reader) throws IOException {
        final char[] buffer = new char[MAX_LENGTH + 1];
        int length = 0;
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        try {
            while (c >= 0 && c != '\n') {
                if (length == buffer.length) {
                    throw new IllegalArgumentException("password longer than " + MAX_LENGTH + " characters");
                }
                buffer[length++] = (char) c;
                c = reader.read();
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            if (length > MAX_LENGTH) {
                throw new IllegalArgumentException("password longer than " + MAX_LENGTH + " characters");
            }
            return Arrays.copyOf(buffer, length);
        } finally {
            Arrays.fill(buffer, '\0');
        }
    }

    /**
     * Whether the console is an interactive terminal. From Java 22 {@code System.console()} may return a console
     * when standard input is redirected, and {@code Console.isTerminal()} tells; Java 21 returns no console then.
     */
    private static boolean isTerminal(final Console console) {
        try {
            final Method method = Console.class.getMethod("isTerminal");
            return (Boolean) method.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }
}

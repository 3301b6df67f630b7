package org.sdqkd.features;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.datastore.api.PasswordHash;
import picocli.CommandLine;

/** {@code sdqkd hash-password} reading standard input (no terminal). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HashPasswordCommandTest {
    private static final String LOW = Integer.toString(PasswordHash.MIN_ITERATIONS);

    /** What the command printed, and its exit status. */
    private record Run(int status, String out, String err) {
    }

    @Test
    void printsAHashOfTheFirstLine() {
        final Run run = run("s3cret pass\nignored\n", "--iterations", LOW);
        assertEquals(0, run.status(), run.err());
        final String encoded = run.out().strip();
        assertTrue(encoded.startsWith("$pbkdf2-sha256$i=" + LOW + "$"), encoded);
        final PasswordHash hash = PasswordHash.parse(encoded);
        assertTrue(hash.verify("s3cret pass".toCharArray()));
        assertFalse(run.out().contains("s3cret"));
    }

    @Test
    void dropsACarriageReturnAndAcceptsAMissingLineEnd() {
        final Run crlf = run("pässword\r\n", "--iterations", LOW);
        assertEquals(0, crlf.status(), crlf.err());
        assertTrue(PasswordHash.parse(crlf.out().strip()).verify("pässword".toCharArray()));
        final Run bare = run("pw", "--iterations", LOW);
        assertEquals(0, bare.status(), bare.err());
        assertTrue(PasswordHash.parse(bare.out().strip()).verify("pw".toCharArray()));
    }

    @Test
    void usesTheDefaultIterationCount() {
        final Run run = run("pw\n");
        assertEquals(0, run.status(), run.err());
        assertEquals(PasswordHash.DEFAULT_ITERATIONS, PasswordHash.parse(run.out().strip()).iterations());
    }

    @Test
    void refusesNoEmptyOrOverlongPasswordsAndFewIterations() {
        assertEquals(new Run(2, "", "sdqkd hash-password: no password on standard input"), run(""));
        assertEquals(new Run(2, "", "sdqkd hash-password: empty password"), run("\n"));
        assertEquals(new Run(2, "", "sdqkd hash-password: password longer than 4096 characters"),
            run("x".repeat(HashPasswordCommand.MAX_LENGTH + 1) + "\n"));
        assertEquals(0, run("x".repeat(HashPasswordCommand.MAX_LENGTH) + "\r\n", "--iterations", LOW).status());
        assertEquals(new Run(2, "", "sdqkd hash-password: --iterations: at least 1000, not 999"),
            run("pw\n", "--iterations", "999"));
    }

    private static Run run(final String stdin, final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = new CommandLine(new HashPasswordCommand(new ByteArrayInputStream(stdin.getBytes(UTF_8)),
            false)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        final int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString().strip());
    }
}

package org.sdqkd.qkd.node.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class SkrTraceTest {
    @TempDir
    Path dir;

    @Test
    void readsCommentsHeaderAndRows() throws IOException {
        final RateSource.Trace trace = SkrTrace.read(write("""
            # a comment
            seconds,skr_bps,qber

            0,70000,0.02
            # another
            0.5,0,0.021
            90,65000,0.061
            """), true);
        assertEquals(3, trace.points().size());
        assertTrue(trace.loop());
        assertEquals(Duration.ofMillis(500), trace.points().get(1).at());
        assertEquals(65_000, trace.points().get(2).bitsPerSecond());
        assertEquals(0.061, trace.points().get(2).qber());
        assertFalse(SkrTrace.read(write("seconds,skr_bps,qber\n0,1,0\n")).loop());
    }

    @Test
    void theShippedTraceIsADayOfMinutes() throws IOException {
        final RateSource.Trace trace = SkrTrace.read(Path.of("src/main/config/traces/almagro-norte.csv"));
        assertEquals(1440, trace.points().size());
        assertEquals(Duration.ofMinutes(1439), trace.points().getLast().at());
        assertTrue(trace.points().stream().anyMatch(p -> p.bitsPerSecond() == 0));
        assertTrue(trace.points().stream().anyMatch(p -> p.qber() > 0.05));
    }

    @Test
    void errorsNameTheFileAndLine() throws IOException {
        error("# only a comment\n", "no header line");
        error("seconds,skr,qber\n0,1,0\n", ":1: expected the header");
        error("seconds,skr_bps,qber\n", "no data rows");
        error("seconds,skr_bps,qber\n5,1,0\n", ":2: the first row must be at 0 seconds");
        error("seconds,skr_bps,qber\n0,1,0\n# c\n0,2,0\n", ":4: seconds do not increase");
        error("seconds,skr_bps,qber\n0,1\n", ":2: expected 3 columns");
        error("seconds,skr_bps,qber\n0,fast,0\n", ":2: skr_bps is not a number: 'fast'");
        error("seconds,skr_bps,qber\n0,1,1.5\n", ":2: out of range");
        error("seconds,skr_bps,qber\n0,-3,0.1\n", ":2: out of range");
        error("seconds,skr_bps,qber\n0,2.5,0.1\n", ":2: out of range");
        error("seconds,skr_bps,qber\n0,1,NaN\n", ":2: qber is not a number");
    }

    private void error(final String content, final String expected) throws IOException {
        final Path file = write(content);
        final IOException e = assertThrows(IOException.class, () -> SkrTrace.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private Path write(final String content) throws IOException {
        final Path file = Files.createTempFile(dir, "trace", ".csv");
        Files.writeString(file, content);
        return file;
    }
}

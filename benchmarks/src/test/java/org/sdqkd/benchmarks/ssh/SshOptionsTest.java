package org.sdqkd.benchmarks.ssh;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sdqkd.benchmarks.DriverCommandLine;

class SshOptionsTest {
    @Test
    @DisplayName("issue 20: --help prints the usage and exits 0")
    void helpPrintsUsage() {
        final String usage = DriverCommandLine.help(new SshOptions());
        assertTrue(usage.startsWith("Usage: sdqkd bench ssh"), usage);
        assertTrue(usage.contains("--handshakes=N") && usage.contains("default 200"), usage);
        assertTrue(usage.contains("--warmup=N") && usage.contains("default 50"), usage);
    }

    @Test
    void refusesUnknownOptionsAndBadCounts() {
        final String unknown = DriverCommandLine.refused(new SshOptions(), "--handshake", "10");
        assertTrue(unknown.startsWith("Unknown options: '--handshake', '10'")
            && unknown.contains("Possible solutions: --handshakes"), unknown);
        final String missing = DriverCommandLine.refused(new SshOptions(), "--warmup");
        assertTrue(missing.startsWith("Missing required parameter for option '--warmup'"), missing);
        final String zero = DriverCommandLine.refused(new SshOptions(), "--handshakes", "0");
        assertTrue(zero.startsWith("--handshakes must be at least 1"), zero);
    }
}

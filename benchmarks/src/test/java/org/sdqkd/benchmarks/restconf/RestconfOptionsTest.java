package org.sdqkd.benchmarks.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sdqkd.benchmarks.DriverCommandLine;
import picocli.CommandLine;

class RestconfOptionsTest {
    @Test
    @DisplayName("issue 20: --help prints the usage and exits 0")
    void helpPrintsUsage() {
        final String usage = DriverCommandLine.help(new RestconfOptions());
        assertTrue(usage.startsWith("Usage: sdqkd bench restconf"), usage);
        for (String option : List.of("--entries", "--nodes", "--ab-requests", "--concurrency", "--wrk-seconds",
                "--sequential", "--patches", "--list-gets", "--rounds")) {
            assertTrue(usage.contains(option + "=N") || usage.contains(option + "=S"), option + " in " + usage);
        }
    }

    @Test
    void defaultsAreTheReadmes() {
        final RestconfOptions options = new RestconfOptions();
        new CommandLine(options).parseArgs();
        assertEquals(new RestconfBenchmark.Settings(10_000, 100, 2_000, 8, 5, 5_000, 1_000, 20, 3),
            options.settings());
    }

    @Test
    void readsTheReadmesCommandLine() {
        final RestconfOptions options = new RestconfOptions();
        new CommandLine(options).parseArgs("--rounds", "1", "--entries", "500", "--nodes", "10", "--ab-requests",
            "100", "--concurrency", "4", "--wrk-seconds", "2", "--sequential", "50", "--patches", "5",
            "--list-gets", "2");
        assertEquals(new RestconfBenchmark.Settings(500, 10, 100, 4, 2, 50, 5, 2, 1), options.settings());
    }

    @Test
    void refusesUnknownOptionsAndBadValues() {
        final String unknown = DriverCommandLine.refused(new RestconfOptions(), "--entry", "5");
        assertTrue(unknown.startsWith("Unknown options: '--entry', '5'")
            && unknown.contains("Possible solutions: --entries"), unknown);
        final String notNumber = DriverCommandLine.refused(new RestconfOptions(), "--rounds", "three");
        assertTrue(notNumber.contains("Invalid value for option '--rounds': 'three' is not an int"), notNumber);
        final String ring = DriverCommandLine.refused(new RestconfOptions(), "--nodes", "2");
        assertTrue(ring.startsWith("--nodes must be at least 3, not 2"), ring);
    }
}

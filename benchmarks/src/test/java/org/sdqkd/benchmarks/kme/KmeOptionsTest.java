package org.sdqkd.benchmarks.kme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sdqkd.benchmarks.DriverCommandLine;
import picocli.CommandLine;

class KmeOptionsTest {
    @Test
    @DisplayName("issue 20: --help prints the usage and exits 0")
    void helpPrintsUsage() {
        final String usage = DriverCommandLine.help(new KmeOptions());
        assertTrue(usage.startsWith("Usage: sdqkd bench kme"), usage);
        for (String option : List.of("--threads=LIST", "--number=LIST", "--size=BITS", "--warmup=S", "--seconds=S",
                "--client=raw|etsi014")) {
            assertTrue(usage.contains(option), option + " in " + usage);
        }
        assertTrue(usage.contains("default 1,16"), usage);
    }

    @Test
    void defaultsAreTheReadmes() {
        assertEquals(new KmeBenchmark.Options(List.of(1, 16), List.of(1, 64), 256, 3, 10, "raw"), parse());
    }

    @Test
    void readsTheReadmesCommandLine() {
        assertEquals(new KmeBenchmark.Options(List.of(4), List.of(1, 8, 64), 512, 1, 5, "etsi014"),
            parse("--threads", "4", "--number", "1,8,64", "--size", "512", "--warmup", "1", "--seconds", "5",
                "--client", "etsi014"));
    }

    @Test
    void refusesUnknownOptionsAndBadValues() {
        final String unknown = DriverCommandLine.refused(new KmeOptions(), "--thread", "4");
        assertTrue(unknown.startsWith("Unknown options: '--thread', '4'")
            && unknown.contains("Possible solutions: --threads"), unknown);
        final String client = DriverCommandLine.refused(new KmeOptions(), "--client", "curl");
        assertTrue(client.startsWith("--client: raw or etsi014, not 'curl'"), client);
        final String zero = DriverCommandLine.refused(new KmeOptions(), "--threads", "1,0");
        assertTrue(zero.startsWith("--threads must be at least 1, not 0"), zero);
    }

    private static KmeBenchmark.Options parse(final String... args) {
        final KmeOptions options = new KmeOptions();
        new CommandLine(options).parseArgs(args);
        return options.options();
    }
}

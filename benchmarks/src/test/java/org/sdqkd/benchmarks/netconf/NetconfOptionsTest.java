package org.sdqkd.benchmarks.netconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sdqkd.benchmarks.DriverCommandLine;
import picocli.CommandLine;

class NetconfOptionsTest {
    private static final List<String> BOTH_PHASES = List.of("get-config", "edit-commit");

    @Test
    @DisplayName("issue 20: --help prints the usage and exits 0 (it threw before)")
    void helpPrintsUsage() {
        final String usage = DriverCommandLine.help(new NetconfOptions());
        assertTrue(usage.startsWith("Usage: sdqkd bench netconf"), usage);
        for (String option : List.of("--entries=N", "--sessions=LIST", "--warmup=N", "--agent-warmup=N",
                "--seconds=S", "--count=N", "--servers=LIST", "--phases=LIST", "--out=FILE", "--agent-jvm-option=OPT",
                "--odl-devices=N", "--odl-batch=N")) {
            assertTrue(usage.contains(option), option + " in " + usage);
        }
        assertTrue(usage.contains("default 1,8"), usage);
    }

    @Test
    void defaultsAreTheReadmes() {
        assertEquals(new NetconfBenchmark.Options(1000, List.of(1, 8), 100, 2000, Duration.ofSeconds(10), 0,
            List.of("sdqkd", "netconfd"), BOTH_PHASES, Optional.empty(), List.of("-Xmx1g"), 0, 5), parse());
    }

    @Test
    void readsTheReadmesCommandLines() {
        assertEquals(new NetconfBenchmark.Options(1000, List.of(1, 8), 100, 2000, Duration.ofSeconds(10), 0,
            List.of("sdqkd", "netconfd"), BOTH_PHASES, Optional.of(Path.of("netconf.json")), List.of("-Xmx1g"), 0, 5),
            parse("--sessions", "1,8", "--warmup", "100", "--seconds", "10", "--out", "netconf.json"));
        assertEquals(new NetconfBenchmark.Options(1000, List.of(1, 8), 100, 2000, Duration.ofSeconds(10), 0, List.of(),
            BOTH_PHASES, Optional.empty(), List.of("-Xmx1g"), 100, 25),
            parse("--servers", "none", "--odl-devices", "100", "--odl-batch", "25"));
        final String jfr = "-XX:StartFlightRecording=filename=agent.jfr,settings=profile";
        assertEquals(new NetconfBenchmark.Options(1000, List.of(1), 100, 2000, Duration.ZERO, 500, List.of("sdqkd"),
            List.of("get-config"), Optional.empty(), List.of(jfr, "-Xmx2g"), 0, 5),
            parse("--servers", "sdqkd", "--phases", "get-config", "--sessions", "1", "--count", "500",
                "--agent-jvm-option", jfr, "--agent-jvm-option", "-Xmx2g"));
    }

    @Test
    void refusesUnknownOptionsAndBadValues() {
        final String unknown = DriverCommandLine.refused(new NetconfOptions(), "--session", "4");
        assertTrue(unknown.startsWith("Unknown options: '--session', '4'")
            && unknown.contains("Possible solutions: --sessions"), unknown);
        final String server = DriverCommandLine.refused(new NetconfOptions(), "--servers", "sdqkd,confd");
        assertTrue(server.startsWith("--servers: unknown server 'confd'"), server);
        final String phase = DriverCommandLine.refused(new NetconfOptions(), "--phases", "get");
        assertTrue(phase.startsWith("--phases: unknown phase 'get'"), phase);
        final String zero = DriverCommandLine.refused(new NetconfOptions(), "--sessions", "0,8");
        assertTrue(zero.startsWith("--sessions must be positive, not 0"), zero);
        final String both = DriverCommandLine.refused(new NetconfOptions(), "--seconds", "5", "--count", "9");
        assertTrue(both.startsWith("--seconds and --count exclude each other"), both);
    }

    private static NetconfBenchmark.Options parse(final String... args) {
        final NetconfOptions options = new NetconfOptions();
        new CommandLine(options).parseArgs(args);
        return options.options();
    }
}

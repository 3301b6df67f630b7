package org.sdqkd.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MemoryFootprintTest {
    @Test
    @DisplayName("issue 20: --help prints the usage and exits 0")
    void helpPrintsUsage() {
        final String usage = DriverCommandLine.help(new MemoryFootprint());
        assertTrue(usage.startsWith("Usage: sdqkd bench memory"), usage);
        assertTrue(usage.contains("[ENTRIES]") && usage.contains("default 10000"), usage);
    }

    @Test
    void refusesUnknownOptionAndBadCount() {
        final String unknown = DriverCommandLine.refused(new MemoryFootprint(), "--entries", "5");
        assertTrue(unknown.startsWith("Unknown option: '--entries'"), unknown);
        final String notNumber = DriverCommandLine.refused(new MemoryFootprint(), "many");
        assertTrue(notNumber.contains("'many' is not an int"), notNumber);
        final String zero = DriverCommandLine.refused(new MemoryFootprint(), "0");
        assertTrue(zero.startsWith("ENTRIES must be at least 1, not 0"), zero);
    }
}

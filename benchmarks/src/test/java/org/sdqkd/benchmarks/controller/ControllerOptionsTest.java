package org.sdqkd.benchmarks.controller;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sdqkd.benchmarks.DriverCommandLine;

class ControllerOptionsTest {
    @Test
    void helpPrintsEveryOptionWithItsDefault() {
        // the usage's lines are wrapped to the terminal's width: compare with the white space run together
        final String usage = DriverCommandLine.help(new ControllerOptions()).replaceAll("\\s+", " ");
        assertTrue(usage.startsWith("Usage: sdqkd bench controller"), usage);
        assertTrue(usage.contains("--phases=PHASE") && usage.contains("(default start, memory,read)"), usage);
        assertTrue(usage.contains("--peer=PEER") && usage.contains("default none"), usage);
        assertTrue(usage.contains("--starts=N") && usage.contains("default 5"), usage);
        assertTrue(usage.contains("--devices=N") && usage.contains("default 100"), usage);
        assertTrue(usage.contains("--reads=M") && usage.contains("default 1000"), usage);
    }

    @Test
    void refusesUnknownPhasesPeersAndBadCounts() {
        final String phase = DriverCommandLine.refused(new ControllerOptions(), "--phases", "start,boot");
        assertTrue(phase.startsWith("--phases: unknown phase 'boot'"), phase);
        final String peer = DriverCommandLine.refused(new ControllerOptions(), "--peer", "onos");
        assertTrue(peer.startsWith("--peer: unknown peer 'onos'"), peer);
        final String zero = DriverCommandLine.refused(new ControllerOptions(), "--starts", "0");
        assertTrue(zero.startsWith("--starts, --devices and --reads must be at least 1"), zero);
        final String unknown = DriverCommandLine.refused(new ControllerOptions(), "--start", "3");
        assertTrue(unknown.startsWith("Unknown options: '--start', '3'"), unknown);
    }

    @Test
    void needsTheLaunchersDirectory() {
        final String previous = System.clearProperty("sdqkd.root");
        try {
            final String root = DriverCommandLine.refused(new ControllerOptions(), "--phases", "start");
            assertTrue(root.startsWith("the system property sdqkd.root must name the directory"), root);
        } finally {
            if (previous != null) {
                System.setProperty("sdqkd.root", previous);
            }
        }
    }
}

package org.sdqkd.benchmarks.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A process's CPU time so far and its resident memory now, from the JDK's process handle and Linux's
 * {@code /proc/PID/status} ({@code VmRSS}).
 *
 * @param cpu           CPU time used so far, user and system
 * @param rssKilobytes  resident memory now, in KiB; -1 when unknown
 */
record ProcessFigures(Duration cpu, long rssKilobytes) {

    /**
     * The figures of a process now.
     *
     * @param process the process
     * @return its figures
     */
    static ProcessFigures of(final ProcessHandle process) {
        return new ProcessFigures(process.info().totalCpuDuration().orElse(Duration.ZERO), rss(process.pid()));
    }

    /**
     * The figures of this JVM now.
     *
     * @return its figures
     */
    static ProcessFigures self() {
        return of(ProcessHandle.current());
    }

    /** CPU milliseconds used since an earlier reading. */
    long cpuMillisSince(final ProcessFigures earlier) {
        return cpu.minus(earlier.cpu).toMillis();
    }

    /** Resident memory in MiB, one decimal. */
    String rssMegabytes() {
        return rssKilobytes < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.1f", rssKilobytes / 1024.0);
    }

    /** The 1-minute load average, as Linux reports it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long rss(final long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}

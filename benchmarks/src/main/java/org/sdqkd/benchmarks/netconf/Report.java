package org.sdqkd.benchmarks.netconf;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The benchmark's figures as a side-by-side table and as JSON. */
final class Report {
    private static final String SDQKD = "sdqkd";
    private static final String NETCONFD = "netconfd";

    private record Metric(String name, ToDoubleFunction<PhaseResult> value) {
    }

    private static final List<Metric> METRICS = List.of(
        new Metric("ops/s", PhaseResult::throughput),
        new Metric("mean ms", r -> r.latency().mean()),
        new Metric("p50 ms", r -> r.latency().p50()),
        new Metric("p99 ms", r -> r.latency().p99()),
        new Metric("max ms", r -> r.latency().max()),
        new Metric("operations", PhaseResult::operations),
        new Metric("retries", PhaseResult::retries),
        new Metric("server CPU ms/op", PhaseResult::serverCpuMillisPerOp),
        new Metric("client CPU ms/op", PhaseResult::clientCpuMillisPerOp),
        new Metric("load avg (1 min)", PhaseResult::loadAverage));

    private Report() {
        // no instances
    }

    /**
     * Prints the figures of both servers side by side, with the ratio sdqkd/netconfd.
     *
     * @param out     where to print
     * @param results every phase's figures
     */
    static void table(final PrintStream out, final List<PhaseResult> results) {
        out.printf(Locale.ROOT, "%-12s %4s  %-18s %12s %12s %15s%n", "phase", "sess", "metric", SDQKD, NETCONFD,
            "sdqkd/netconfd");
        for (final String phase : List.of("get-config", "edit-commit")) {
            for (final int sessions : results.stream().map(PhaseResult::sessions).distinct().sorted().toList()) {
                final Optional<PhaseResult> ours = find(results, SDQKD, phase, sessions);
                final Optional<PhaseResult> theirs = find(results, NETCONFD, phase, sessions);
                if (ours.isEmpty() && theirs.isEmpty()) {
                    continue;
                }
                for (final Metric metric : METRICS) {
                    final String a = ours.map(r -> number(metric.value().applyAsDouble(r))).orElse("-");
                    final String b = theirs.map(r -> number(metric.value().applyAsDouble(r))).orElse("-");
                    final String ratio = ours.isPresent() && theirs.isPresent()
                        && metric.value().applyAsDouble(theirs.orElseThrow()) != 0
                        ? String.format(Locale.ROOT, "%.2f", metric.value().applyAsDouble(ours.orElseThrow())
                            / metric.value().applyAsDouble(theirs.orElseThrow())) : "-";
                    out.printf(Locale.ROOT, "%-12s %4d  %-18s %12s %12s %15s%n", phase, sessions, metric.name(), a,
                        b, ratio);
                }
            }
        }
    }

    /**
     * Prints the figures of the many-devices run.
     *
     * @param out    where to print
     * @param result the figures
     */
    static void odl(final PrintStream out, final OdlSessions.Result result) {
        out.printf(Locale.ROOT, "OpenDaylight simulator: %d devices (started in %.1f s), %d sessions opened at a "
            + "time%n", result.devices(), result.simulatorStartSeconds(), result.batch());
        out.printf(Locale.ROOT, "  open + hello + get-config of all: %.2f s, %.1f sessions/s%n", result.seconds(),
            result.sessionsPerSecond());
        out.printf(Locale.ROOT, "  per session: mean %.1f ms, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            result.perSession().mean(), result.perSession().p50(), result.perSession().p99(),
            result.perSession().max());
        out.printf(Locale.ROOT, "  client JVM threads: %d before, %d with all %d sessions open; load avg %.2f%n",
            result.threadsBefore(), result.threadsOpen(), result.devices(), result.loadAverage());
    }

    /**
     * The figures as a JSON document.
     *
     * @param settings the run's settings (values are JSON already)
     * @param results  every phase's figures
     * @param odl      the many-devices figures, if that ran
     * @return the document
     */
    static String json(final Map<String, String> settings, final List<PhaseResult> results,
            final Optional<OdlSessions.Result> odl) {
        final StringBuilder json = new StringBuilder("{\n  \"settings\": {");
        final List<String> fields = new ArrayList<>();
        settings.forEach((key, value) -> fields.add("\n    " + quote(key) + ": " + value));
        json.append(String.join(",", fields)).append("\n  },\n  \"results\": [");
        final List<String> items = new ArrayList<>();
        for (final PhaseResult r : results) {
            items.add(String.format(Locale.ROOT, "%n    {\"server\": %s, \"phase\": %s, \"sessions\": %d, "
                + "\"operations\": %d, \"seconds\": %.3f, \"opsPerSecond\": %.2f, \"meanMs\": %.3f, \"p50Ms\": %.3f, "
                + "\"p99Ms\": %.3f, \"maxMs\": %.3f, \"retries\": %d, \"serverCpuMsPerOp\": %.3f, "
                + "\"clientCpuMsPerOp\": %.3f, \"loadAverage\": %.2f}", quote(r.server()), quote(r.phase()),
                r.sessions(), r.operations(),
                r.seconds(), r.throughput(), r.latency().mean(), r.latency().p50(), r.latency().p99(),
                r.latency().max(), r.retries(), r.serverCpuMillisPerOp(), r.clientCpuMillisPerOp(),
                r.loadAverage()));
        }
        json.append(String.join(",", items)).append("\n  ],\n  \"ratios\": [");
        final List<String> ratios = new ArrayList<>();
        for (final PhaseResult ours : results) {
            if (!SDQKD.equals(ours.server())) {
                continue;
            }
            find(results, NETCONFD, ours.phase(), ours.sessions()).ifPresent(theirs -> ratios.add(String.format(
                Locale.ROOT, "%n    {\"phase\": %s, \"sessions\": %d, \"opsPerSecond\": %.3f, \"p50Ms\": %.3f, "
                + "\"p99Ms\": %.3f, \"meanMs\": %.3f}", quote(ours.phase()), ours.sessions(),
                ratio(ours.throughput(), theirs.throughput()), ratio(ours.latency().p50(), theirs.latency().p50()),
                ratio(ours.latency().p99(), theirs.latency().p99()),
                ratio(ours.latency().mean(), theirs.latency().mean()))));
        }
        json.append(String.join(",", ratios)).append("\n  ]");
        odl.ifPresent(r -> json.append(String.format(Locale.ROOT, ",%n  \"odl\": {\"devices\": %d, \"batch\": %d, "
            + "\"simulatorStartSeconds\": %.2f, \"seconds\": %.3f, \"sessionsPerSecond\": %.2f, \"meanMs\": %.2f, "
            + "\"p50Ms\": %.2f, \"p99Ms\": %.2f, \"maxMs\": %.2f, \"clientThreadsBefore\": %d, "
            + "\"clientThreadsOpen\": %d, \"loadAverage\": %.2f}", r.devices(), r.batch(), r.simulatorStartSeconds(),
            r.seconds(), r.sessionsPerSecond(), r.perSession().mean(), r.perSession().p50(), r.perSession().p99(),
            r.perSession().max(), r.threadsBefore(), r.threadsOpen(), r.loadAverage())));
        return json.append("\n}\n").toString();
    }

    private static Optional<PhaseResult> find(final List<PhaseResult> results, final String server,
            final String phase, final int sessions) {
        return results.stream().filter(r -> r.server().equals(server) && r.phase().equals(phase)
            && r.sessions() == sessions).findFirst();
    }

    private static double ratio(final double a, final double b) {
        return b == 0 ? 0 : a / b;
    }

    private static String number(final double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }

    /**
     * A JSON string literal.
     *
     * @param text the text
     * @return the literal, quotes included
     */
    static String quote(final String text) {
        final StringBuilder out = new StringBuilder("\"");
        for (final char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

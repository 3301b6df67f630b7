package org.sdqkd.benchmarks.controller;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.sdqkd.benchmarks.Latencies;
import org.sdqkd.benchmarks.restconf.HttpConnection;
import picocli.CommandLine;

/**
 * {@code ./sdqkd bench controller}: sdqkd's controller as a process, and OpenDaylight's beside it with
 * {@code --peer odl}, measured the same way and printed side by side. Phases: {@code start} (launch to the first 200
 * of a RESTCONF GET, and the CPU time the process used until then; median of N starts), {@code memory} (resident
 * memory some seconds after the start, idle; and with N simulated devices mounted) and {@code read} (a GET of a
 * device's data through its mount, p50 and p99 over M requests on one keep-alive connection).
 */
public final class ControllerBenchmark {
    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration MOUNTED = Duration.ofMinutes(10);

    private final ControllerOptions.Settings settings;
    private final PrintWriter out;

    private ControllerBenchmark(final ControllerOptions.Settings settings, final PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Runs the driver with the options of {@link ControllerOptions}; exits 0 when it ran, 1 when it failed, 2 for a
     * usage error.
     *
     * @param args the options
     */
    public static void main(final String[] args) {
        System.exit(new CommandLine(new ControllerOptions()).execute(args));
    }

    /**
     * Runs the phases for every contender and prints the table.
     *
     * @param settings what to run
     * @param out where the progress and the table go
     * @throws IOException when a controller cannot be started or measured
     */
    static void run(final ControllerOptions.Settings settings, final PrintWriter out) throws IOException {
        new ControllerBenchmark(settings, out).run();
    }

    private void run() throws IOException {
        final Map<String, Map<String, String>> figures = new LinkedHashMap<>();
        for (Contender contender : settings.contenders()) {
            figures.put(contender.name(), new LinkedHashMap<>());
        }
        final Set<String> phases = settings.phases();
        if (phases.contains("start") || phases.contains("memory")) {
            for (Contender contender : settings.contenders()) {
                starts(contender, figures.get(contender.name()));
            }
        }
        if (phases.contains("memory") || phases.contains("read")) {
            try (DeviceSet devices = DeviceSet.start(settings.devices())) {
                for (Contender contender : settings.contenders()) {
                    mounted(contender, devices.devices(), figures.get(contender.name()));
                }
            }
        }
        print(figures);
    }

    /** The start phase: N starts, the median time and CPU; the idle memory after the last one. */
    private void starts(final Contender contender, final Map<String, String> figures) throws IOException {
        final int count = settings.phases().contains("start") ? settings.starts() : 1;
        final List<Long> millis = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final Path directory = Files.createTempDirectory("sdqkd-bench-controller-");
            try (ControllerProcess process = contender.launch(directory, List.of())) {
                final long nanos = process.awaitGet(Contender.READY, READY);
                final long cpuMillis = process.cpuMillis();
                millis.add(nanos / 1_000_000);
                cpu.add(cpuMillis);
                out.printf("%s: start %d: RESTCONF answered after %d ms, %d ms of CPU; load average %s%n",
                    contender.name(), i + 1, nanos / 1_000_000, cpuMillis, load());
                out.flush();
                if (i == count - 1 && settings.phases().contains("memory")) {
                    ControllerProcess.sleep(settings.idleSeconds() * 1000L);
                    figures.put("RSS idle (MB)", Long.toString(process.residentKilobytes() / 1024));
                    figures.put("threads idle", Integer.toString(process.threads()));
                }
            } finally {
                delete(directory);
            }
        }
        if (settings.phases().contains("start")) {
            figures.put("start to RESTCONF 200, median (ms)", Long.toString(median(millis)));
            figures.put("start: min..max (ms)", millis.stream().min(Long::compare).orElseThrow() + ".."
                + millis.stream().max(Long::compare).orElseThrow());
            figures.put("start: CPU time, median (ms)", Long.toString(median(cpu)));
        }
    }

    /** The mounted phases: every device mounted, the memory then, the reads through the mounts. */
    private void mounted(final Contender contender, final List<Device> devices, final Map<String, String> figures)
            throws IOException {
        final Path directory = Files.createTempDirectory("sdqkd-bench-controller-");
        try (ControllerProcess process = contender.launch(directory, devices)) {
            process.awaitGet(Contender.READY, READY);
            final long t0 = System.nanoTime();
            contender.mount(process, devices);
            final long deadline = t0 + MOUNTED.toNanos();
            for (Device device : devices) {
                while (process.get(contender.probe(device)) != 200) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException(contender.name() + ": device " + device.id() + " ("
                            + device.endpoint() + ") not readable through its mount within " + MOUNTED);
                    }
                    ControllerProcess.sleep(50);
                }
            }
            out.printf("%s: %d devices readable through their mounts after %d ms (not the mount set-up benchmark: "
                + "polled one after the other); load average %s%n", contender.name(), devices.size(),
                (System.nanoTime() - t0) / 1_000_000, load());
            out.flush();
            if (settings.phases().contains("memory")) {
                ControllerProcess.sleep(settings.idleSeconds() * 1000L);
                figures.put("RSS with " + devices.size() + " mounted (MB)",
                    Long.toString(process.residentKilobytes() / 1024));
                figures.put("threads with " + devices.size() + " mounted", Integer.toString(process.threads()));
            }
            if (settings.phases().contains("read")) {
                read(contender, process, devices, figures);
            }
        } finally {
            delete(directory);
        }
    }

    private void read(final Contender contender, final ControllerProcess process, final List<Device> devices,
            final Map<String, String> figures) throws IOException {
        final Latencies latencies = new Latencies();
        try (HttpConnection connection = new HttpConnection(new InetSocketAddress("127.0.0.1",
                process.port()))) {
            final int warmup = Math.min(settings.reads(), 200);
            for (int i = 0; i < warmup + settings.reads(); i++) {
                final byte[] request = connection.request("GET", contender.probe(devices.get(i % devices.size())),
                    null);
                final long t0 = System.nanoTime();
                final int status = connection.exchange(request, false, false).status();
                final long nanos = System.nanoTime() - t0;
                if (status != 200) {
                    throw new IOException(contender.name() + ": a read through a mount answered HTTP " + status);
                }
                if (i >= warmup) {
                    latencies.add(nanos);
                }
            }
        }
        final Latencies.Summary summary = latencies.summary();
        figures.put("read through a mount p50 (ms)", String.format("%.3f", summary.p50()));
        figures.put("read through a mount p99 (ms)", String.format("%.3f", summary.p99()));
        out.printf("%s: %d reads through the mounts: p50 %.3f ms, p99 %.3f ms; load average %s%n", contender.name(),
            settings.reads(), summary.p50(), summary.p99(), load());
        out.flush();
    }

    private void print(final Map<String, Map<String, String>> figures) {
        final List<String> rows = new ArrayList<>();
        figures.values().forEach(column -> column.keySet().stream().filter(key -> !rows.contains(key))
            .forEach(rows::add));
        out.printf("%n%-38s", "");
        figures.keySet().forEach(name -> out.printf("%16s", name));
        out.println();
        for (String row : rows) {
            out.printf("%-38s", row);
            figures.values().forEach(column -> out.printf("%16s", column.getOrDefault(row, "-")));
            out.println();
        }
        out.flush();
    }

    private static long median(final List<Long> values) {
        final List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private void delete(final Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory; the figures stand
            out.printf("cannot delete %s: %s%n", directory, e.getMessage());
        }
    }
}

package org.sdqkd.benchmarks.restconf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the two load tools the issue names, as separate processes on loopback: ApacheBench ({@code ab}, Debian
 * {@code apache2-utils}) and {@code wrk} (Debian {@code wrk}), and reads their figures from what they print.
 */
final class LoadTools {
    private static final String ACCEPT = "Accept: application/yang-data+json";
    private static final Pattern AB_RATE = Pattern.compile("Requests per second:\\s+([0-9.]+)");
    private static final Pattern AB_FAILED = Pattern.compile("Failed requests:\\s+(\\d+)");
    private static final Pattern AB_NON_2XX = Pattern.compile("Non-2xx responses:\\s+(\\d+)");
    private static final Pattern AB_COMPLETE = Pattern.compile("Complete requests:\\s+(\\d+)");
    private static final Pattern AB_PERCENT = Pattern.compile("(?m)^\\s+(50|99)%\\s+(\\d+)");
    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern WRK_NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern WRK_ERRORS = Pattern.compile("Socket errors:.*");
    private static final Pattern WRK_PERCENT = Pattern.compile("(?m)^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$");

    private LoadTools() {
        // no instances
    }

    /**
     * What a tool measured.
     *
     * @param tool     the command line
     * @param requests requests completed
     * @param perSecond requests per second
     * @param p50      median latency in ms (ab prints whole milliseconds)
     * @param p99      99th percentile in ms
     * @param failures failed requests and answers other than 2xx
     */
    record Result(String tool, long requests, double perSecond, double p50, double p99, long failures) {
    }

    /** Whether a tool is on the PATH. */
    static boolean available(final String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code ab -k -n requests -c concurrency} with an Accept of JSON.
     *
     * @param url         the resource
     * @param requests    how many requests
     * @param concurrency how many at a time
     * @return the figures
     * @throws IOException when ab cannot run or prints no figures
     */
    static Result ab(final String url, final int requests, final int concurrency) throws IOException {
        final List<String> command = List.of("ab", "-k", "-q", "-n", Integer.toString(requests), "-c",
            Integer.toString(concurrency), "-H", ACCEPT, url);
        final String output = run(command);
        final long failed = number(AB_FAILED, output).orElse(0L) + number(AB_NON_2XX, output).orElse(0L);
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        final Matcher percent = AB_PERCENT.matcher(output);
        while (percent.find()) {
            if ("50".equals(percent.group(1))) {
                p50 = Double.parseDouble(percent.group(2));
            } else {
                p99 = Double.parseDouble(percent.group(2));
            }
        }
        return new Result(String.join(" ", command.subList(0, 7)), number(AB_COMPLETE, output)
            .orElseThrow(() -> new IOException("ab printed no figures:\n" + output)),
            decimal(AB_RATE, output), p50, p99, failed);
    }

    /**
     * {@code wrk -t threads -c connections -d seconds --latency} with an Accept of JSON.
     *
     * @param url         the resource
     * @param threads     wrk's threads
     * @param connections its connections
     * @param seconds     how long
     * @return the figures
     * @throws IOException when wrk cannot run or prints no figures
     */
    static Result wrk(final String url, final int threads, final int connections, final int seconds)
            throws IOException {
        final List<String> command = List.of("wrk", "-t", Integer.toString(threads), "-c",
            Integer.toString(connections), "-d", seconds + "s", "--latency", "-H", ACCEPT, url);
        final String output = run(command);
        final Matcher errors = WRK_ERRORS.matcher(output);
        if (errors.find()) {
            throw new IOException("wrk had socket errors: " + errors.group());
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        final Matcher percent = WRK_PERCENT.matcher(output);
        while (percent.find()) {
            final double value = Double.parseDouble(percent.group(2)) * switch (percent.group(3)) {
                case "us" -> 0.001;
                case "ms" -> 1;
                default -> 1000;
            };
            if ("50".equals(percent.group(1))) {
                p50 = value;
            } else {
                p99 = value;
            }
        }
        return new Result(String.join(" ", command.subList(0, 7)), number(WRK_TOTAL, output)
            .orElseThrow(() -> new IOException("wrk printed no figures:\n" + output)),
            decimal(WRK_RATE, output), p50, p99, number(WRK_NON_2XX, output).orElse(0L));
    }

    private static String run(final List<String> command) throws IOException {
        final Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        final String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed (exit " + process.exitValue() + "):\n" + output);
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " was interrupted", e);
        }
        return output;
    }

    private static Optional<Long> number(final Pattern pattern, final String output) {
        final Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    private static double decimal(final Pattern pattern, final String output) throws IOException {
        final Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IOException("no " + pattern.pattern() + " in:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}

package org.sdqkd.qkd.node.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a secret key rate trace from CSV: lines starting with {@code #} and blank lines are ignored, the first
 * other line is the header {@code seconds,skr_bps,qber}, then one row per point: the time in seconds from 0
 * (increasing, decimals allowed), the SKR in bits per second (a whole number) and the QBER as a ratio 0 to 1.
 * Errors name the file and line.
 */
public final class SkrTrace {
    /** The header line a trace starts with. */
    public static final String HEADER = "seconds,skr_bps,qber";

    private SkrTrace() {
    }

    /**
     * Reads a trace that holds its last point at the end.
     *
     * @param file the CSV file
     * @return the trace
     * @throws IOException when the file cannot be read or is not a trace (the message names file and line)
     */
    public static RateSource.Trace read(final Path file) throws IOException {
        return read(file, false);
    }

    /**
     * Reads a trace.
     *
     * @param file the CSV file
     * @param loop whether the trace starts again after its last point
     * @return the trace
     * @throws IOException when the file cannot be read or is not a trace (the message names file and line)
     */
    public static RateSource.Trace read(final Path file, final boolean loop) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        final List<RateSource.TracePoint> points = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String where = file + ":" + (i + 1) + ": ";
            if (!header) {
                if (!line.replace(" ", "").equals(HEADER)) {
                    throw new IOException(where + "expected the header '" + HEADER + "', found '" + line + "'");
                }
                header = true;
                continue;
            }
            points.add(point(line, where, points));
        }
        if (!header) {
            throw new IOException(file + ": no header line '" + HEADER + "'");
        }
        if (points.isEmpty()) {
            throw new IOException(file + ": no data rows after the header");
        }
        return new RateSource.Trace(points, loop);
    }

    private static RateSource.TracePoint point(final String line, final String where,
            final List<RateSource.TracePoint> before) throws IOException {
        final String[] cells = line.split(",", -1);
        if (cells.length != 3) {
            throw new IOException(where + "expected 3 columns (" + HEADER + "), found " + cells.length);
        }
        final double seconds = number(cells[0], "seconds", where);
        final double skr = number(cells[1], "skr_bps", where);
        final double qber = number(cells[2], "qber", where);
        if (seconds < 0 || skr < 0 || skr != Math.rint(skr) || qber < 0 || qber > 1) {
            throw new IOException(where + "out of range: seconds >= 0, skr_bps a whole number >= 0, qber 0..1");
        }
        final Duration at = Duration.ofNanos(Math.round(seconds * 1e9));
        if (before.isEmpty() && !at.isZero()) {
            throw new IOException(where + "the first row must be at 0 seconds");
        }
        if (!before.isEmpty() && at.compareTo(before.getLast().at()) <= 0) {
            throw new IOException(where + "seconds do not increase (" + cells[0].strip() + " after "
                + before.getLast().at().toMillis() / 1000.0 + ")");
        }
        return new RateSource.TracePoint(at, (long) skr, qber);
    }

    private static double number(final String cell, final String column, final String where) throws IOException {
        try {
            final double value = Double.parseDouble(cell.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IOException(where + column + " is not a number: '" + cell.strip() + "'", e);
        }
    }
}

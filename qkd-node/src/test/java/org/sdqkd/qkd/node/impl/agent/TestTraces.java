package org.sdqkd.qkd.node.impl.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sdqkd.qkd.node.api.RateSource;

/** A minimal reader of {@code seconds,skr_bps,qber} trace files for the tests (the key plane has the real one). */
final class TestTraces {
    private TestTraces() {
    }

    static RateSource.Trace read(final Path file) throws IOException {
        final List<RateSource.TracePoint> points = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            final String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("seconds")) {
                continue;
            }
            final String[] fields = text.split(",");
            points.add(new RateSource.TracePoint(Duration.ofMillis((long) (Double.parseDouble(fields[0]) * 1000)),
                Long.parseLong(fields[1]), Double.parseDouble(fields[2])));
        }
        return new RateSource.Trace(points, true);
    }
}

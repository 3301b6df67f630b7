package org.sdqkd.benchmarks.restconf;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.sdqkd.benchmarks.Latencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's own measurements, one request at a time on one keep-alive connection: GETs of one key association,
 * one-leaf PATCHes spread over the list (each to a new rate, so each is a real change that the datastore validates
 * and commits), and GETs of the whole list with the time its first body byte arrived. Every answer's status is
 * checked; an unexpected one counts as a failure.
 */
final class Phases {
    private static final Logger LOG = LoggerFactory.getLogger(Phases.class);

    private final InetSocketAddress address;
    private final String base;
    private final AssociationData data;
    private final int entries;
    private long patchCount;

    /**
     * The outcome of a phase.
     *
     * @param latencies each request's time to its whole answer
     * @param firstByte each request's time to the first byte of its body (list GETs only)
     * @param seconds   how long the phase took
     * @param failures  answers with another status than expected
     * @param bytes     the size of the last body
     * @param chunked   whether the last body came in chunks
     */
    record Outcome(Latencies latencies, Latencies firstByte, double seconds, long failures, long bytes,
            boolean chunked) {
    }

    Phases(final InetSocketAddress address, final String base, final AssociationData data, final int entries) {
        this.address = address;
        this.base = base;
        this.data = data;
        this.entries = entries;
    }

    /** Runs every phase unmeasured until the JIT has compiled the gateway's paths. */
    void warmUp() throws IOException {
        LOG.info("warm-up GETs: {}", sequentialGets(3_000).latencies().summary());
        LOG.info("warm-up PATCHes: {}", patches(500).latencies().summary());
        LOG.info("warm-up list GETs: {}", listGets(5).latencies().summary());
    }

    /** GETs of one key association. */
    Outcome sequentialGets(final int count) throws IOException {
        try (HttpConnection connection = new HttpConnection(address)) {
            final byte[] request = connection.request("GET", base + data.entryPath(1), null);
            return measure(connection, count, index -> request, 200, false);
        }
    }

    /** One-leaf PATCHes (key-rate) of entries spread over the list. */
    Outcome patches(final int count) throws IOException {
        try (HttpConnection connection = new HttpConnection(address)) {
            final byte[][] requests = new byte[count][];
            for (int i = 0; i < count; i++) {
                final long n = patchCount++;
                final int entry = (int) (n * 7_919 % entries);
                requests[i] = connection.request("PATCH", base + data.entryPath(entry),
                    data.rateBody(entry, 100_000 + n));
            }
            return measure(connection, count, index -> requests[index], 204, false);
        }
    }

    /** GETs of the whole list. */
    Outcome listGets(final int count) throws IOException {
        try (HttpConnection connection = new HttpConnection(address)) {
            final byte[] request = connection.request("GET", base + data.listPath(), null);
            return measure(connection, count, index -> request, 200, true);
        }
    }

    @FunctionalInterface
    private interface Requests {
        byte[] get(int index);
    }

    private static Outcome measure(final HttpConnection connection, final int count, final Requests requests,
            final int expected, final boolean firstBytes) throws IOException {
        final Latencies latencies = new Latencies();
        final Latencies firstByte = new Latencies();
        long failures = 0;
        HttpConnection.Reply reply = null;
        final long began = System.nanoTime();
        for (int i = 0; i < count; i++) {
            final byte[] request = requests.get(i);
            final long start = System.nanoTime();
            reply = connection.exchange(request, false, false);
            latencies.add(System.nanoTime() - start);
            if (firstBytes && reply.firstBody() != 0) {
                firstByte.add(reply.firstBody() - start);
            }
            if (reply.status() != expected) {
                failures++;
            }
        }
        final double seconds = (System.nanoTime() - began) / 1e9;
        return new Outcome(latencies, firstByte, seconds, failures, reply == null ? 0 : reply.bodyBytes(),
            reply != null && reply.chunked());
    }
}

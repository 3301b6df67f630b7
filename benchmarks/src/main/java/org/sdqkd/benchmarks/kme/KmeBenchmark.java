package org.sdqkd.benchmarks.kme;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.sdqkd.benchmarks.Latencies;
import org.sdqkd.etsi014.Etsi014Client;
import org.sdqkd.etsi014.api.Etsi014Exception;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.tls.api.TlsIdentity;
import picocli.CommandLine;

/**
 * ETSI GS QKD 014 key delivery, measured end to end: two nodes' key planes joined by an emulated link (TLS), each
 * with its KME (HTTPS, mutual TLS); client threads as SAE A take keys with enc_keys at A's KME and the same keys with
 * dec_keys at B's KME (keep-alive connections, one pair of clients per thread), checking every key byte for byte.
 *
 * <pre>
 * ./sdqkd bench kme [--threads 1,16] [--number 1,64] [--size 256] [--warmup 3] [--seconds 10] [--client raw|etsi014]
 * </pre>
 *
 * <p>{@code --client raw} (the default) is {@link RawKmeClient}, one TLS socket per thread per KME writing HTTP/1.1
 * itself, so that the figures are the KME's; {@code etsi014} is the one ETSI GS QKD 014 client every sdqkd module
 * uses ({@link Etsi014Client}, on the JDK's {@code HttpsURLConnection}).
 */
public final class KmeBenchmark {
    private static final String SAE_A = KeyPlanePair.SAE_A;
    private static final String SAE_B = KeyPlanePair.SAE_B;
    private static final long SKR = 200_000_000L;
    private static final int CAPACITY = 400_000;
    /**
     * Stored keys awaited before each phase: a nearly full store, so that a phase measures delivery and the refill
     * of what it takes, not the initial fill (a link producing 400,000 units at full speed, sharing the link channel
     * and the cores).
     */
    private static final int FULL = CAPACITY * 9 / 10;

    private KmeBenchmark() {
        // main only
    }

    /** What a client thread calls: enc_keys as the master, dec_keys as the slave. */
    interface SaeClient extends AutoCloseable {
        /** POST enc_keys for {@code slave}; the caller erases the keys. */
        KeyContainer encKeys(String slave, int number, int size) throws IOException;

        /** POST dec_keys for {@code master}; the caller erases the keys. */
        KeyContainer decKeys(String master, List<UUID> keyIds) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** The etsi014 module's client, as the SSH key source and every other user call the KME. */
    private record ModuleClient(Etsi014Client client) implements SaeClient {
        @Override
        public KeyContainer encKeys(final String slave, final int number, final int size) throws IOException {
            try {
                return client.encKeys(slave, KeyRequest.of(number, size));
            } catch (Etsi014Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public KeyContainer decKeys(final String master, final List<UUID> keyIds) throws IOException {
            try {
                return client.decKeys(master, KeyIds.of(keyIds));
            } catch (Etsi014Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static SaeClient client(final String kind, final URI kme, final TlsIdentity sae) throws IOException {
        return "etsi014".equals(kind)
            ? new ModuleClient(Etsi014Client.https(kme, sae.sslContext(), Duration.ofSeconds(30)))
            : RawKmeClient.connect(kme, sae);
    }

    /**
     * Runs the benchmark with the options of {@link KmeOptions}; exits 0 when it ran, 2 for a usage error.
     *
     * @param args the options above ({@code --help})
     */
    public static void main(final String[] args) {
        System.exit(new CommandLine(new KmeOptions()).execute(args));
    }

    /**
     * The driver's settings.
     *
     * @param threads client thread counts, one phase each
     * @param numbers keys per request, one phase each
     * @param size    key size in bits
     * @param warmup  unmeasured seconds before each phase
     * @param seconds measured seconds per phase
     * @param client  {@code raw} or {@code etsi014}
     */
    record Options(List<Integer> threads, List<Integer> numbers, int size, int warmup, int seconds, String client) {
        Options {
            threads = List.copyOf(threads);
            numbers = List.copyOf(numbers);
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param options the checked options
     * @throws Exception when the key planes cannot start or a phase is interrupted
     */
    static void run(final Options options) throws Exception {
        final Path dir = Files.createTempDirectory("sdqkd-kme-bench");
        try (KeyPlanePair pair = KeyPlanePair.start(dir, SKR, CAPACITY)) {
            pair.awaitKeys(FULL);
            System.out.printf(Locale.ROOT, "ETSI GS QKD 014 delivery, %d-bit keys, enc_keys at A then dec_keys at"
                + " B, HTTPS/1.1 mutual TLS keep-alive, one JVM, %d cores, client %s (--client raw|etsi014)%n",
                options.size(), Runtime.getRuntime().availableProcessors(), options.client());
            System.out.printf(Locale.ROOT, "%-8s %-7s %12s %12s %10s %10s %10s %10s %8s%n", "threads", "number",
                "keys/s", "requests/s", "pair p50", "pair p99", "enc p99", "dec p99", "errors");
            for (int threads : options.threads()) {
                for (int number : options.numbers()) {
                    run(options.client(), pair.kmeA(), pair.kmeB(), pair.saeA(), pair.saeB(), threads, number,
                        options.size(), options.warmup());
                    final Result result = run(options.client(), pair.kmeA(), pair.kmeB(), pair.saeA(), pair.saeB(),
                        threads, number, options.size(), options.seconds());
                    result.print(threads, number);
                    pair.awaitKeys(FULL);
                }
            }
        }
    }

    /** One measured phase: every thread loops enc_keys then dec_keys for {@code seconds}. */
    private static Result run(final String kind, final URI kmeA, final URI kmeB, final TlsIdentity saeA,
            final TlsIdentity saeB,
            final int threads, final int number, final int size, final int seconds) throws InterruptedException {
        final AtomicLong keys = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final List<Latencies> pairs = new ArrayList<>();
        final List<Latencies> encs = new ArrayList<>();
        final List<Latencies> decs = new ArrayList<>();
        final CountDownLatch done = new CountDownLatch(threads);
        final long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        final long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            final Latencies pair = new Latencies();
            final Latencies enc = new Latencies();
            final Latencies dec = new Latencies();
            pairs.add(pair);
            encs.add(enc);
            decs.add(dec);
            Thread.ofPlatform().start(() -> {
                try (SaeClient a = client(kind, kmeA, saeA); SaeClient b = client(kind, kmeB, saeB)) {
                    while (System.nanoTime() < end) {
                        final long t0 = System.nanoTime();
                        final KeyContainer sent = a.encKeys(SAE_B, number, size);
                        final long t1 = System.nanoTime();
                        final KeyContainer got = b.decKeys(SAE_A, sent.keys().stream().map(QkdKey::id).toList());
                        final long t2 = System.nanoTime();
                        errors.addAndGet(mismatches(sent, got));
                        sent.erase();
                        got.erase();
                        keys.addAndGet(sent.keys().size());
                        pair.add(t2 - t0);
                        enc.add(t1 - t0);
                        dec.add(t2 - t1);
                    }
                } catch (IOException | RuntimeException e) {
                    errors.incrementAndGet();
                    System.err.println("client thread failed: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        final double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(keys.get() / elapsed, merge(pairs), merge(encs), merge(decs), errors.get());
    }

    /** The keys of {@code got} that are not those of {@code sent}, key_ID and bytes, in order. */
    private static int mismatches(final KeyContainer sent, final KeyContainer got) {
        int wrong = Math.abs(sent.keys().size() - got.keys().size());
        for (int i = 0; i < Math.min(sent.keys().size(), got.keys().size()); i++) {
            final QkdKey one = sent.keys().get(i);
            final QkdKey other = got.keys().get(i);
            final byte[] oneBytes = one.material();
            final byte[] otherBytes = other.material();
            if (!one.id().equals(other.id()) || !MessageDigest.isEqual(oneBytes, otherBytes)) {
                wrong++;
            }
            Arrays.fill(oneBytes, (byte) 0);
            Arrays.fill(otherBytes, (byte) 0);
        }
        return wrong;
    }

    private static Latencies merge(final List<Latencies> parts) {
        final Latencies all = new Latencies();
        parts.forEach(all::addAll);
        return all;
    }

    private record Result(double keysPerSecond, Latencies pairs, Latencies encs, Latencies decs, long errors) {
        void print(final int threads, final int number) {
            final Latencies.Summary pair = pairs.summary();
            System.out.printf(Locale.ROOT, "%-8d %-7d %12.0f %12.0f %8.2fms %8.2fms %8.2fms %8.2fms %8d%n", threads,
                number, keysPerSecond, keysPerSecond / number * 2, pair.p50(), pair.p99(), encs.summary().p99(),
                decs.summary().p99(), errors);
        }
    }
}

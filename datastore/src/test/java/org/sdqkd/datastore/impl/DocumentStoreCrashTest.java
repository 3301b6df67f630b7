package org.sdqkd.datastore.impl;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a process that commits into running with SIGKILL at random moments, and checks what the next process
 * finds.
 *
 * <p>The guarantee checked: a commit acknowledged (its {@code commit()} returned, after which the writer prints
 * {@code ACK k}) is never lost, and no commit is half there. So with {@code k} the last ACK the test read, running
 * must hold counter {@code k}, or {@code k + 1} when the kill came after commit {@code k + 1} was durable but before
 * its ACK was printed. Running, written with the codec, must be byte for byte the document of
 * {@link TestData#counterRoot} for one of those two, in which the clear part and the secret part (secret-share)
 * carry the same counter. Each round continues on the directory the previous kill left, torn temporary files and all.
 */
class DocumentStoreCrashTest {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentStoreCrashTest.class);
    private static final int ROUNDS = 20;
    private static final long SEED = 20_261_122L;

    @TempDir
    Path directory;

    @TempDir
    Path logs;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void acknowledgedCommitsSurviveSigkillAndNoCommitIsHalfApplied() throws Exception {
        final Random random = new Random(SEED);
        final long started = System.nanoTime();
        long expectedStart = 0;
        int unacknowledgedButDurable = 0;
        long commits = 0;
        // each writer is started one round ahead, so that it loads the models while the previous round runs
        Process next = startWriter(1);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                final Process writer = next;
                final AckReader acks = new AckReader(writer);
                acks.start();
                writer.getOutputStream().write("GO\n".getBytes(US_ASCII));
                writer.getOutputStream().flush();
                next = round < ROUNDS ? startWriter(round + 1) : null;
                if (!acks.firstAck.await(30, TimeUnit.SECONDS)) {
                    writer.destroyForcibly();
                    fail("no ACK from the writer in round " + round + ": " + Files.readString(log(round)));
                }
                Thread.sleep(50 + random.nextInt(351));
                writer.destroyForcibly();
                writer.waitFor();
                acks.join();

                assertEquals(expectedStart, acks.start, "round " + round + ": the writer found the last counter");
                final long acked = acks.last;
                final long recovered = recoveredCounter(acked, round);
                commits += recovered - expectedStart;
                if (recovered == acked + 1) {
                    unacknowledgedButDurable++;
                }
                expectedStart = recovered;
            }
        } finally {
            if (next != null) {
                next.destroyForcibly();
            }
        }
        final long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("{} kills, {} commits, {} found durable before their ACK, {} ms", ROUNDS, commits,
            unacknowledgedButDurable, elapsedMillis);
        assertTrue(commits > ROUNDS, "the writer committed more than once per round");
    }

    private long recoveredCounter(final long acked, final int round) throws DatastoreException, IOException {
        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            final ContainerNode running = datastores.snapshot(DatastoreName.RUNNING).root();
            final long found = CrashingWriter.counter(datastores.snapshot(DatastoreName.RUNNING)
                .read(CrashingWriter.MAX_BYTES));
            assertTrue(found == acked || found == acked + 1,
                "round " + round + ": last ACK " + acked + " but running holds " + found);
            final byte[] expected = TestData.serialize(TestData.counterRoot(found));
            final byte[] actual = TestData.serialize(running);
            assertTrue(Arrays.equals(expected, actual), () -> "round " + round + ": running is not the document of "
                + found + ":\n" + new String(actual, US_ASCII) + "\nexpected\n" + new String(expected, US_ASCII));
            final String clear = Files.readString(directory.resolve("running.xml"));
            assertFalse(clear.contains("secret-share") || clear.contains(TestData.PRIME), "secrets in the clear");
            return found;
        }
    }

    private Path log(final int round) {
        return logs.resolve("writer-" + round + ".log");
    }

    private Process startWriter(final int round) throws IOException {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), directory.toString()))
            .redirectError(log(round).toFile())
            .start();
    }

    /** Reads the writer's standard output to its end: its START line and its ACKs. */
    private static final class AckReader extends Thread {
        private final Process writer;
        private final CountDownLatch firstAck = new CountDownLatch(1);
        private volatile long start = -1;
        private volatile long last = -1;

        AckReader(final Process writer) {
            super("ack-reader");
            this.writer = writer;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), US_ASCII))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("START ")) {
                        start = Long.parseLong(line.substring(6));
                    } else if (line.startsWith("ACK ")) {
                        last = Long.parseLong(line.substring(4));
                        firstAck.countDown();
                    }
                }
            } catch (IOException e) {
                LOG.debug("The writer's output ended", e);
            }
        }
    }
}

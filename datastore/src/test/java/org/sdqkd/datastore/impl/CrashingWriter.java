package org.sdqkd.datastore.impl;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.SessionId;

/**
 * The child process of {@link DocumentStoreCrashTest}. It loads the models, then waits for the line {@code GO} on
 * standard input (so that the test can start it ahead of time), opens the datastores on the directory given as
 * argument, prints {@code START n} where {@code n} is the counter found in running (0 when empty), then commits
 * {@link TestData#counterRoot(long) counterRoot(n + 1)}, {@code n + 2}, ... into running, printing {@code ACK k}
 * on standard output after the commit of counter {@code k} has returned, until it is killed. It exits by itself
 * after a minute, or when its standard input closes (the test is gone).
 */
final class CrashingWriter {
    /** The leaf that carries the counter, as {@code 1024 + counter}. */
    static final YangInstanceIdentifier MAX_BYTES = TestData.SSH_QKD_PATH
        .node(QName.create(TestData.SSH_QKD, "rekey")).node(QName.create(TestData.SSH_QKD, "max-bytes"));

    private static final long RUN_LIMIT_NANOS = 60_000_000_000L;

    private CrashingWriter() {
        // no instances
    }

    /**
     * Runs the writer.
     *
     * @param args the datastore directory
     */
    public static void main(final String[] args) throws DatastoreException, IOException {
        // load the models and warm the codec before the test says GO
        TestData.counterRoot(0);
        final BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, US_ASCII));
        if (!"GO".equals(parent.readLine())) {
            return;
        }
        final Thread watchdog = new Thread(() -> awaitEnd(parent), "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        // standard output is this process's channel to the test, not a log
        final PrintStream channel = System.out;
        try (Datastores datastores = Datastores.open(Path.of(args[0]), TestData.CONTEXT)) {
            long counter = counter(datastores.snapshot(DatastoreName.RUNNING).read(MAX_BYTES));
            channel.println("START " + counter);
            channel.flush();
            final long deadline = System.nanoTime() + RUN_LIMIT_NANOS;
            while (System.nanoTime() < deadline) {
                counter++;
                try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
                    tx.write(YangInstanceIdentifier.of(), TestData.counterRoot(counter));
                    tx.commit();
                }
                channel.println("ACK " + counter);
                channel.flush();
            }
        }
    }

    /** The counter a running datastore holds, 0 when it has none. */
    static long counter(final Optional<NormalizedNode> maxBytes) {
        return maxBytes.map(leaf -> ((Number) leaf.body()).longValue() - 1024).orElse(0L);
    }

    private static void awaitEnd(final Reader parent) {
        try {
            while (parent.read() >= 0) {
                // nothing is sent; only the end matters
            }
        } catch (IOException e) {
            // the pipe broke: the test is gone as well
        }
        Runtime.getRuntime().halt(3);
    }
}

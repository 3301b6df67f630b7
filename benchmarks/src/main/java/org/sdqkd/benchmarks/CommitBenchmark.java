package org.sdqkd.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.SessionId;

/**
 * A one-leaf commit into a running datastore of {@code flows} list entries carrying must, when and leafref
 * constraints: transaction, validation of the change, durable write, in-memory commit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CommitBenchmark {
    @Param("10000")
    public int flows;

    private Path directory;
    private Datastores datastores;
    private YangInstanceIdentifier rate;
    private QName rateName;
    private int next;

    /** Opens datastores in a temporary directory and commits the flows into running. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("sdqkd-commit-bench");
        datastores = Datastores.open(directory, FlowData.model());
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
            tx.write(YangInstanceIdentifier.of(), FlowData.root(flows));
            tx.commit();
        }
        rate = FlowData.ratePath(flows / 2);
        rateName = rate.getLastPathArgument().getNodeType();
    }

    /** Closes the datastores and removes their files. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        datastores.close();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Commits a new rate for one flow into running. */
    @Benchmark
    public void oneLeafCommit() throws DatastoreException {
        next = next == 1000 ? 1 : next + 1;
        try (DataTransaction tx = datastores.newTransaction(DatastoreName.RUNNING, SessionId.SYSTEM)) {
            tx.write(rate, ImmutableNodes.leafNode(rateName, Uint32.valueOf(next)));
            tx.commit();
        }
    }
}

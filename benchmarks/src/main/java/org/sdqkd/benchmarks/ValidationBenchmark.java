package org.sdqkd.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
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
import org.openjdk.jmh.annotations.Warmup;
import org.sdqkd.datastore.api.DataValidator;
import org.sdqkd.datastore.api.ValidationResult;
import org.sdqkd.datastore.YangModels;

/**
 * Validation of a datastore of {@code flows} list entries carrying must, when and leafref constraints: in
 * full, and of a change of one leaf (what a one-leaf commit validates).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ValidationBenchmark {
    @Param("10000")
    public int flows;

    private DataValidator full;
    private DataValidator incremental;
    private ContainerNode current;
    private ContainerNode other;
    private List<YangInstanceIdentifier> changed;

    /** Builds the data, and a second state that differs in one leaf. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        final EffectiveModelContext model = FlowData.model();
        full = YangModels.validator(model);
        incremental = YangModels.validator(model);
        current = FlowData.root(flows);
        final int id = flows / 2;
        other = FlowData.withRate(model, current, id, 42);
        changed = List.of(FlowData.ratePath(id));
        check(incremental.validate(current));
    }

    /** Validates the whole datastore. */
    @Benchmark
    public ValidationResult fullValidation() {
        return full.validate(current);
    }

    /** Validates a change of one leaf, alternating between the two states (both valid). */
    @Benchmark
    public ValidationResult oneLeafChange() {
        final ValidationResult result = incremental.validateChange(current, other, changed);
        final ContainerNode swap = current;
        current = other;
        other = swap;
        return result;
    }

    private static void check(final ValidationResult result) {
        if (!result.isValid()) {
            throw new IllegalStateException("benchmark data is invalid: " + result.errors());
        }
    }
}

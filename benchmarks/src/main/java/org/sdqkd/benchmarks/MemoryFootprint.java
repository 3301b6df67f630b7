package org.sdqkd.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DataValidator;
import org.sdqkd.datastore.YangModels;

/**
 * Measures the heap a datastore content of {@code bench-flows} flows takes, and what the validator's tree of
 * the last valid data adds, per list entry: heap in use after full garbage collections, before and after.
 */
public final class MemoryFootprint {
    private static final int SETTLE_GCS = 5;

    private MemoryFootprint() {
        // no instances
    }

    /**
     * Prints the bytes per entry for 10,000 flows (or the count given as the first argument).
     *
     * @param args optional entry count
     * @throws Exception if the model cannot be parsed
     */
    public static void main(final String[] args) throws Exception {
        final int flows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        final EffectiveModelContext model = FlowData.model();
        final PrintStream out = System.out;

        final long empty = usedHeap();
        final ContainerNode root = FlowData.root(flows);
        final long withData = usedHeap();
        final DataValidator validator = YangModels.validator(model);
        if (!validator.validate(root).isValid()) {
            throw new IllegalStateException("benchmark data is invalid");
        }
        final long withValidator = usedHeap();

        out.printf("entries: %d%n", flows);
        out.printf("data (yangtools NormalizedNode): %,d bytes, %.0f bytes/entry%n", withData - empty,
            (withData - empty) / (double) flows);
        out.printf("validator tree of the last valid data: %,d bytes, %.0f bytes/entry%n", withValidator - withData,
            (withValidator - withData) / (double) flows);
        out.printf("total: %.0f bytes/entry%n", (withValidator - empty) / (double) flows);
        // keep both reachable until measured
        if (root.isEmpty() || validator.hashCode() == 0) {
            out.println();
        }
    }

    private static long usedHeap() {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < SETTLE_GCS; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

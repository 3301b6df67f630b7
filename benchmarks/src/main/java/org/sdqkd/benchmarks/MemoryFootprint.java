package org.sdqkd.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Callable;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.sdqkd.datastore.api.DataValidator;
import org.sdqkd.datastore.YangModels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Measures the heap a datastore content of {@code bench-flows} flows takes, and what the validator's tree of
 * the last valid data adds, per list entry: heap in use after full garbage collections, before and after.
 */
@Command(name = "sdqkd bench memory", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = "Heap per list entry: the datastore content of a flow list, and what the validator's tree of the "
        + "last valid data adds, measured after full garbage collections.",
    exitCodeListHeading = "%nExit status:%n", exitCodeList = { "0:measured", "2:usage error" })
public final class MemoryFootprint implements Callable<Integer> {
    private static final int SETTLE_GCS = 5;

    @Parameters(paramLabel = "ENTRIES", arity = "0..1", defaultValue = "10000",
        description = "flows in the list (default ${DEFAULT-VALUE})")
    private int flows;

    @Spec
    private CommandSpec spec;

    /**
     * Prints the bytes per entry for 10,000 flows (or the count given as the first argument).
     *
     * @param args optional entry count ({@code --help})
     */
    public static void main(final String[] args) {
        System.exit(new CommandLine(new MemoryFootprint()).execute(args));
    }

    @Override
    public Integer call() throws IOException, YangParserException {
        if (flows < 1) {
            throw new ParameterException(spec.commandLine(), "ENTRIES must be at least 1, not " + flows);
        }
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
        return 0;
    }

    private static long usedHeap() {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < SETTLE_GCS; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}

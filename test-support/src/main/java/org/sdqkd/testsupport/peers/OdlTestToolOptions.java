package org.sdqkd.testsupport.peers;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to start an {@link OdlTestTool}. Start from {@link #of(int)} and change what differs with the
 * {@code with...} methods.
 *
 * @param deviceCount how many simulated devices, each on a port of its own ({@code --device-count})
 * @param mdSal whether the devices keep their data in an MD-SAL in-memory datastore ({@code --md-sal true}):
 *     {@code edit-config} on the candidate and {@code commit} work and the data is validated against the YANG
 *     models, but {@code edit-config} on running is refused and the initial configuration file is ignored.
 *     Otherwise ({@code false}, the tool's default) a simulated store: it accepts any edit without checking it,
 *     {@code get-config} returns the initial configuration, {@code get} returns no data
 * @param probeModule whether the devices announce the {@link ProbeTestModule probe-test} module
 * @param schemas further YANG files the devices announce ({@code --schemas-dir})
 * @param initialConfig the document {@code get-config} starts from ({@code --initial-config-xml-file}, simulated
 *     store only): a {@code <config>} element whose children are the data
 * @param maxHeapMegabytes the simulator JVM's {@code -Xmx}
 * @param debug whether the simulator logs at DEBUG level ({@code --debug true}), into its log file
 * @param startTimeout how long {@link OdlTestTool#start(OdlTestToolOptions)} waits for every device to answer
 */
public record OdlTestToolOptions(int deviceCount, boolean mdSal, boolean probeModule, List<Path> schemas,
        Optional<String> initialConfig, int maxHeapMegabytes, boolean debug, Duration startTimeout) {

    /**
     * Checks the components and copies the schema list.
     */
    public OdlTestToolOptions {
        if (deviceCount < 1 || deviceCount > 10_000) {
            throw new IllegalArgumentException("Device count out of range: " + deviceCount);
        }
        schemas = List.copyOf(schemas);
        requireNonNull(initialConfig, "initialConfig");
        if (maxHeapMegabytes < 64) {
            throw new IllegalArgumentException("Heap too small: " + maxHeapMegabytes + " MB");
        }
        requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("Start timeout must be positive: " + startTimeout);
        }
    }

    /**
     * Returns the defaults for a number of devices: MD-SAL datastore, the probe-test module, no initial
     * configuration, a heap of 256 MB plus 2 MB per device, 45 s plus 0.5 s per device to start.
     *
     * @param deviceCount how many devices
     * @return the options
     */
    public static OdlTestToolOptions of(final int deviceCount) {
        return new OdlTestToolOptions(deviceCount, true, true, List.of(), Optional.empty(), 256 + 2 * deviceCount,
            false, Duration.ofSeconds(45).plusMillis(500L * deviceCount));
    }

    /**
     * Chooses the datastore.
     *
     * @param enabled true for the MD-SAL datastore, false for the simulated one
     * @return changed options
     */
    public OdlTestToolOptions withMdSal(final boolean enabled) {
        return new OdlTestToolOptions(deviceCount, enabled, probeModule, schemas, initialConfig, maxHeapMegabytes,
            debug, startTimeout);
    }

    /**
     * Announces further YANG modules.
     *
     * @param files the YANG files, named {@code <module>@<revision>.yang}
     * @return changed options
     */
    public OdlTestToolOptions withSchemas(final List<Path> files) {
        return new OdlTestToolOptions(deviceCount, mdSal, probeModule, files, initialConfig, maxHeapMegabytes, debug,
            startTimeout);
    }

    /**
     * Does not announce the probe-test module.
     *
     * @return changed options
     */
    public OdlTestToolOptions withoutProbeModule() {
        return new OdlTestToolOptions(deviceCount, mdSal, false, schemas, initialConfig, maxHeapMegabytes, debug,
            startTimeout);
    }

    /**
     * Sets the configuration {@code get-config} starts from (simulated datastore only; see {@link #mdSal()}).
     *
     * @param config a {@code <config>} document such as {@link ProbeTestModule#config(int)}
     * @return changed options
     */
    public OdlTestToolOptions withInitialConfig(final String config) {
        return new OdlTestToolOptions(deviceCount, mdSal, probeModule, schemas, Optional.of(config), maxHeapMegabytes,
            debug, startTimeout);
    }

    /**
     * Sets the simulator's maximum heap.
     *
     * @param megabytes the heap in MB
     * @return changed options
     */
    public OdlTestToolOptions withMaxHeapMegabytes(final int megabytes) {
        return new OdlTestToolOptions(deviceCount, mdSal, probeModule, schemas, initialConfig, megabytes, debug,
            startTimeout);
    }

    /**
     * Turns DEBUG logging on or off.
     *
     * @param enabled whether to log at DEBUG level
     * @return changed options
     */
    public OdlTestToolOptions withDebug(final boolean enabled) {
        return new OdlTestToolOptions(deviceCount, mdSal, probeModule, schemas, initialConfig, maxHeapMegabytes,
            enabled, startTimeout);
    }

    /**
     * Sets how long starting may take.
     *
     * @param timeout the time
     * @return changed options
     */
    public OdlTestToolOptions withStartTimeout(final Duration timeout) {
        return new OdlTestToolOptions(deviceCount, mdSal, probeModule, schemas, initialConfig, maxHeapMegabytes, debug,
            timeout);
    }
}

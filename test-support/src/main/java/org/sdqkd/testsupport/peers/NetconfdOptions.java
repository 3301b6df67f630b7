package org.sdqkd.testsupport.peers;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start a {@link NetconfdPeer}. Start from {@link #of(NetconfTarget)} and change what differs with the
 * {@code with...} methods.
 *
 * @param target where {@code edit-config} writes: {@code --target=candidate} or {@code --target=running}
 * @param probeModule whether to load the {@link ProbeTestModule probe-test} module
 * @param modules further YANG files to load ({@code --module=<file>} each); modules they import are looked for
 *     next to them and in netconfd's own module directory
 * @param startupCapability whether netconfd offers a distinct startup datastore ({@code --with-startup=true}, the
 *     {@code :startup} capability). Without it netconfd loads the startup file into running and saves running back
 *     to that file after every change
 * @param startupConfig the startup file's content, a {@code <config>} document in the NETCONF base namespace
 *     (netconfd exits if its {@code --startup} file is missing, so there is always one)
 * @param startTimeout how long {@link NetconfdPeer#start(NetconfdOptions)} waits for the peer to answer
 */
public record NetconfdOptions(NetconfTarget target, boolean probeModule, List<Path> modules,
        boolean startupCapability, String startupConfig, Duration startTimeout) {

    /**
     * Checks the components and copies the module list.
     */
    public NetconfdOptions {
        requireNonNull(target, "target");
        modules = List.copyOf(modules);
        requireNonNull(startupConfig, "startupConfig");
        requireNonNull(startTimeout, "startTimeout");
        if (!probeModule && modules.isEmpty()) {
            throw new IllegalArgumentException("No YANG module to load");
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("Start timeout must be positive: " + startTimeout);
        }
    }

    /**
     * Returns the defaults for a target: the probe-test module only, no startup capability, an empty startup
     * configuration, 20 s to start.
     *
     * @param target the edit target
     * @return the options
     */
    public static NetconfdOptions of(final NetconfTarget target) {
        return new NetconfdOptions(target, true, List.of(), false, ProbeTestModule.EMPTY_CONFIG,
            Duration.ofSeconds(20));
    }

    /**
     * Loads further YANG modules.
     *
     * @param files the YANG files
     * @return changed options
     */
    public NetconfdOptions withModules(final List<Path> files) {
        return new NetconfdOptions(target, probeModule, files, startupCapability, startupConfig, startTimeout);
    }

    /**
     * Does not load the probe-test module (then at least one other module must be given).
     *
     * @return changed options
     */
    public NetconfdOptions withoutProbeModule() {
        return new NetconfdOptions(target, false, modules, startupCapability, startupConfig, startTimeout);
    }

    /**
     * Turns the {@code :startup} capability on or off.
     *
     * @param enabled whether netconfd offers the startup datastore
     * @return changed options
     */
    public NetconfdOptions withStartupCapability(final boolean enabled) {
        return new NetconfdOptions(target, probeModule, modules, enabled, startupConfig, startTimeout);
    }

    /**
     * Sets the startup file's content.
     *
     * @param config a {@code <config>} document in the NETCONF base namespace
     * @return changed options
     */
    public NetconfdOptions withStartupConfig(final String config) {
        return new NetconfdOptions(target, probeModule, modules, startupCapability, config, startTimeout);
    }

    /**
     * Fills the startup file with {@code count} probe-test list entries ({@link ProbeTestModule#config(int)}).
     *
     * @param count how many entries
     * @return changed options
     */
    public NetconfdOptions withProbeNodes(final int count) {
        return withStartupConfig(ProbeTestModule.config(count));
    }

    /**
     * Sets how long starting may take.
     *
     * @param timeout the time
     * @return changed options
     */
    public NetconfdOptions withStartTimeout(final Duration timeout) {
        return new NetconfdOptions(target, probeModule, modules, startupCapability, startupConfig, timeout);
    }
}

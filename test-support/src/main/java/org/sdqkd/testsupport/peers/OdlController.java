package org.sdqkd.testsupport.peers;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenDaylight's controller in a JVM of its own: its NETCONF connector (the {@code topology-netconf} topology, whose
 * nodes it mounts) and its RESTCONF server on 127.0.0.1, no authentication, as the {@code sdqkd-odl-peer} module's
 * {@code OdlPeer} starts them from lighty.io's modules on Maven Central. RESTCONF is at {@link #restconf()}
 * ({@code http://127.0.0.1:PORT/restconf}), mounted devices under
 * {@code data/network-topology:network-topology/topology=topology-netconf/node=ID/yang-ext:mount}.
 *
 * <p>The build writes that module's class path (its classes and OpenDaylight's jars in the local repository) into a
 * file and passes its path in the system property {@value #CLASSPATH_PROPERTY}; this class never downloads anything.
 * It runs on the same Java as the caller. Closing it kills that JVM and deletes its temporary directory (the
 * controller's journal and snapshots). Use it in try-with-resources.
 */
public final class OdlController implements AutoCloseable {

    /** The system property holding the path of the file with the controller's class path. */
    public static final String CLASSPATH_PROPERTY = "sdqkd.odl.peer.classpath";

    private static final Logger LOG = LoggerFactory.getLogger(OdlController.class);
    private static final String MAIN = "org.sdqkd.odl.peer.OdlPeer";
    private static final String READY = "OpenDaylight peer ready";
    private static final long POLL_MILLIS = 200;

    private final ScratchDirectory directory;
    private final int restconfPort;
    private final int clusterPort;
    private ChildProcess process;
    private long startMillis;

    private OdlController(final ScratchDirectory directory, final int restconfPort, final int clusterPort) {
        this.directory = directory;
        this.restconfPort = restconfPort;
        this.clusterPort = clusterPort;
    }

    /**
     * Starts the controller and waits until its RESTCONF server answers and the NETCONF connector runs.
     *
     * @param timeout how long to wait for that
     * @param maxHeapMegabytes the controller JVM's {@code -Xmx}
     * @return the running controller
     * @throws IllegalStateException if the class path file is missing, or the controller exits or is not ready
     *     within the timeout
     */
    public static OdlController start(final Duration timeout, final int maxHeapMegabytes) {
        final String classPath = classPath();
        final long started = System.nanoTime();
        final OdlController controller = ChildJvm.startOnFreePorts("the OpenDaylight controller",
            () -> new OdlController(ScratchDirectory.create("odl-controller-", false), FreePorts.one(),
                FreePorts.one()),
            candidate -> {
                candidate.launch(classPath, maxHeapMegabytes);
                candidate.process.await("get ready", timeout, POLL_MILLIS, () -> candidate.process.logMentions(READY));
            },
            candidate -> candidate.process, OdlController::close);
        controller.startMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("OpenDaylight controller's RESTCONF answers on {} after {} ms", controller.restconf(),
            controller.startMillis);
        return controller;
    }

    /**
     * Returns the controller's class path: the {@code classes} directory beside the file the system property
     * {@value #CLASSPATH_PROPERTY} names, then the jars that file lists.
     *
     * @return the class path
     * @throws IllegalStateException if the property is not set or the file is not there
     */
    public static String classPath() {
        final String property = System.getProperty(CLASSPATH_PROPERTY);
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("System property " + CLASSPATH_PROPERTY + " is not set: run the tests "
                + "through Maven (the odl-peer module writes the file and the tests' builds pass its path) or pass -D"
                + CLASSPATH_PROPERTY + "=<odl-peer/target/odl-peer.classpath>");
        }
        final Path file = Path.of(property).toAbsolutePath();
        final Path target = file.getParent();
        if (target == null) {
            throw new IllegalStateException(file + " (system property " + CLASSPATH_PROPERTY + ") has no directory");
        }
        try {
            // the file lists the jars; the program's own classes are beside it, in odl-peer's target/classes
            return target.resolve("classes") + ":" + Files.readString(file, UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(file + " (system property " + CLASSPATH_PROPERTY + ") cannot be read: "
                + "build the odl-peer module with Maven first, its package phase writes it", e);
        }
    }

    private void launch(final String classPath, final int maxHeapMegabytes) {
        final Path root = directory.root();
        final Path argFile = root.resolve("java.args");
        try {
            // the class path is some 40 KB: an argument file keeps it off the command line
            Files.writeString(argFile, "-cp \"" + classPath + "\"\n", UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final List<String> command = List.of(ChildJvm.java(), "-Xmx" + maxHeapMegabytes + "m",
            "--enable-native-access=ALL-UNNAMED", "@" + argFile, MAIN, Integer.toString(restconfPort),
            Integer.toString(clusterPort));
        process = ChildProcess.start("OpenDaylight controller", command, Map.of(), root,
            root.resolve("controller.log"));
    }

    /**
     * Returns the RESTCONF root (RFC 8040), without a trailing slash.
     *
     * @return {@code http://127.0.0.1:PORT/restconf}
     */
    public URI restconf() {
        return URI.create("http://127.0.0.1:" + restconfPort + "/restconf");
    }

    /**
     * Returns how long the controller took from launch to ready, as {@link #start} measured it.
     *
     * @return milliseconds
     */
    public long startMillis() {
        return startMillis;
    }

    /**
     * Returns the controller JVM's resident memory, from {@code /proc/PID/status} (Linux).
     *
     * @return its RSS in kB, or empty where it cannot be read
     */
    public OptionalLong residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.handle().pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot read the controller's RSS", e);
        }
        return OptionalLong.empty();
    }

    /**
     * Returns the controller's process, for checks that closing ends it.
     *
     * @return its handle
     */
    public ProcessHandle process() {
        return process.handle();
    }

    /**
     * Returns the controller's log (its standard output and error).
     *
     * @return the file
     */
    public Path log() {
        return process.log();
    }

    /** Kills the controller's JVM and deletes its directory. Idempotent. */
    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        directory.close();
    }
}

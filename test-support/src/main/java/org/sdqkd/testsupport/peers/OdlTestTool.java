package org.sdqkd.testsupport.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenDaylight's NETCONF device simulator ({@code org.opendaylight.netconf:netconf-testtool}, classifier
 * {@code executable}) in a JVM of its own: {@code deviceCount} simulated devices on consecutive ports of 127.0.0.1,
 * found free at run time, each an SSH server with the {@code netconf} subsystem. The devices accept any user name
 * and password; {@link #user()} and {@link #password()} are what the tests send.
 *
 * <p>The build copies the jar into {@code target/} and passes its path in the system property
 * {@value #JAR_PROPERTY}; this class never downloads it. The simulator runs on the same Java as the tests.
 * Closing it kills that JVM and deletes its temporary directory. Use it in try-with-resources.
 */
public final class OdlTestTool implements AutoCloseable {

    /** The system property holding the path of the simulator's executable jar. */
    public static final String JAR_PROPERTY = "sdqkd.netconf.testtool.jar";

    private static final Logger LOG = LoggerFactory.getLogger(OdlTestTool.class);
    private static final String HOST = "127.0.0.1";
    private static final String STARTED = "All simulated devices started successfully";
    private static final long POLL_MILLIS = 100;

    private final OdlTestToolOptions options;
    private final ScratchDirectory directory;
    private final int firstPort;
    private ChildProcess process;

    private OdlTestTool(final OdlTestToolOptions options, final ScratchDirectory directory, final int firstPort) {
        this.options = options;
        this.directory = directory;
        this.firstPort = firstPort;
    }

    /**
     * Starts the simulator and waits until every device answers.
     *
     * @param options how many devices and how to run them
     * @return the running simulator
     * @throws IllegalStateException if the jar is not there, or the devices do not all answer within
     *     {@link OdlTestToolOptions#startTimeout()}
     */
    public static OdlTestTool start(final OdlTestToolOptions options) {
        Path jar = jar();
        long started = System.nanoTime();
        OdlTestTool tool = ChildJvm.startOnFreePorts("the simulator",
            () -> new OdlTestTool(options, ScratchDirectory.create("odl-testtool-", false),
                FreePorts.block(options.deviceCount())),
            candidate -> {
                candidate.launch(jar);
                candidate.awaitReady(options.startTimeout());
            },
            candidate -> candidate.process, OdlTestTool::close);
        LOG.info("{} simulated devices answer on {}:{}-{} after {} ms", options.deviceCount(), HOST, tool.firstPort,
            tool.lastPort(), (System.nanoTime() - started) / 1_000_000);
        return tool;
    }

    /**
     * Returns the simulator's executable jar, from the system property {@value #JAR_PROPERTY}.
     *
     * @return the jar
     * @throws IllegalStateException if the property is not set or the file is not there
     */
    public static Path jar() {
        String property = System.getProperty(JAR_PROPERTY);
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("System property " + JAR_PROPERTY + " is not set: run the tests through "
                + "Maven (the netconf-interop and benchmarks builds copy netconf-testtool into target/ and set it) "
                + "or pass "
                + "-D" + JAR_PROPERTY + "=<path of netconf-testtool-<version>-executable.jar>");
        }
        Path jar = Path.of(property);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " (system property " + JAR_PROPERTY + ") does not exist: build "
                + "netconf-interop with Maven first, its generate-test-resources phase copies it there");
        }
        return jar;
    }

    private void launch(final Path jar) {
        Path root = directory.root();
        List<String> command = new ArrayList<>(List.of(ChildJvm.java(), "-Xmx" + options.maxHeapMegabytes() + "m",
            "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
            "--device-count", Integer.toString(options.deviceCount()),
            "--starting-port", Integer.toString(firstPort),
            "--ip", HOST,
            "--ssh", "true",
            "--exi", "false",
            "--md-sal", Boolean.toString(options.mdSal()),
            "--debug", Boolean.toString(options.debug())));
        if (options.probeModule() || !options.schemas().isEmpty()) {
            Path schemas = directory.directory("schemas", "rwx------");
            if (options.probeModule()) {
                ProbeTestModule.writeTo(schemas);
            }
            for (Path schema : options.schemas()) {
                HostTools.copy(schema, schemas.resolve(schema.getFileName()));
            }
            command.addAll(List.of("--schemas-dir", schemas.toString()));
        }
        if (options.initialConfig().isPresent()) {
            Path initial = root.resolve("initial-config.xml");
            HostTools.write(initial, options.initialConfig().orElseThrow());
            command.addAll(List.of("--initial-config-xml-file", initial.toString()));
        }
        process = ChildProcess.start("netconf-testtool", command, Map.of(), root, root.resolve("testtool.log"));
    }

    /**
     * Waits until the simulator reports that all devices started and each device's port sends an SSH
     * identification. {@link #start(OdlTestToolOptions)} has done this already.
     *
     * @param timeout how long to wait
     * @throws IllegalStateException if the simulator exits (the message holds the end of its log) or the time runs
     *     out
     */
    public void awaitReady(final Duration timeout) {
        int[] next = { firstPort };
        boolean[] started = { false };
        process.await("start " + options.deviceCount() + " devices on " + firstPort + "-" + lastPort(), timeout,
            POLL_MILLIS, () -> {
                started[0] = started[0] || process.logMentions(STARTED);
                while (started[0] && next[0] <= lastPort() && SshProbe.answers(HOST, next[0])) {
                    next[0]++;
                }
                return next[0] > lastPort();
            });
    }

    /**
     * Returns the address of all devices.
     *
     * @return {@code 127.0.0.1}
     */
    public String host() {
        return HOST;
    }

    /**
     * Returns the devices' SSH ports, consecutive, in device order.
     *
     * @return the ports
     */
    public List<Integer> ports() {
        return IntStream.rangeClosed(firstPort, lastPort()).boxed().toList();
    }

    /**
     * Returns the user name the tests log in with (the devices accept any).
     *
     * @return {@code admin}
     */
    public String user() {
        return "admin";
    }

    /**
     * Returns the password the tests log in with (the devices accept any).
     *
     * @return {@code admin}
     */
    public String password() {
        return "admin";
    }

    /**
     * Returns how to reach each device, in port order. The devices take passwords only.
     *
     * @return the endpoints
     */
    public List<NetconfEndpoint> endpoints() {
        return ports().stream().map(port -> new NetconfEndpoint(HOST, port, user(), password(), Optional.empty()))
            .toList();
    }

    /**
     * Returns the options the simulator was started with.
     *
     * @return the options
     */
    public OdlTestToolOptions options() {
        return options;
    }

    /**
     * Returns the simulator's process, for checks that closing ends it.
     *
     * @return its handle
     */
    public ProcessHandle process() {
        return process.handle();
    }

    /**
     * Returns the simulator's temporary directory (schemas, initial configuration, {@code testtool.log}).
     *
     * @return the directory
     */
    public Path directory() {
        return directory.root();
    }

    /**
     * Kills the simulator's JVM and deletes its directory. Idempotent.
     */
    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        directory.close();
    }

    private int lastPort() {
        return firstPort + options.deviceCount() - 1;
    }
}

package org.sdqkd.benchmarks.controller;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A controller the driver measures: sdqkd's ({@link SdqkdContender}) or OpenDaylight's ({@link OdlContender}). Each
 * is started as a process of its own, as its operator would start it, with RESTCONF on 127.0.0.1 over plain HTTP.
 */
sealed interface Contender permits SdqkdContender, OdlContender {
    /** The RFC 8040 resource whose first 200 marks the controller ready (section 3.3.3, every server has it). */
    String READY = "/restconf/yang-library-version";

    /** The name printed in the table's column. */
    String name();

    /**
     * Starts the controller with these devices to mount (configured before the start where the controller takes its
     * nodes from its configuration).
     *
     * @param directory an empty directory of its own
     * @param devices the devices it is to mount after the start ({@link #mount})
     * @return the process
     * @throws IOException when it cannot be started
     */
    ControllerProcess launch(Path directory, List<Device> devices) throws IOException;

    /**
     * Asks the running controller to mount the devices, where it is not configured with them already.
     *
     * @param controller the controller
     * @param devices the devices
     * @throws IOException when the request fails
     */
    void mount(ControllerProcess controller, List<Device> devices) throws IOException;

    /**
     * The RESTCONF request target of a read through a device's mount: the {@code probe-test:probe} container of its
     * configuration.
     *
     * @param device the device
     * @return the target
     */
    String probe(Device device);
}

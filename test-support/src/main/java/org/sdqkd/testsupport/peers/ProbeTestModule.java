package org.sdqkd.testsupport.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The YANG module the peers load by default: {@code probe-test}, a container {@code probe} with a list
 * {@code node} keyed by {@code name}, with leaves {@code value} (int32) and {@code description} (string). Tests and
 * benchmarks read and write this subtree on every peer.
 */
public final class ProbeTestModule {

    /** The module name. */
    public static final String NAME = "probe-test";
    /** Its revision. */
    public static final String REVISION = "2024-01-01";
    /** Its XML namespace. */
    public static final String NAMESPACE = "urn:example:probe-test";
    /** The NETCONF base namespace, of {@code <config>}. */
    public static final String NETCONF_BASE = "urn:ietf:params:xml:ns:netconf:base:1.0";
    /** A configuration document with no data, for a peer that starts empty. */
    public static final String EMPTY_CONFIG = "<config xmlns=\"" + NETCONF_BASE + "\"/>\n";

    private static final String RESOURCE = "/org/sdqkd/testsupport/peers/probe-test.yang";

    private ProbeTestModule() {
    }

    /**
     * Writes the module's YANG text into a directory as {@code probe-test@2024-01-01.yang} (the file name both
     * netconfd and the OpenDaylight simulator accept).
     *
     * @param directory the directory
     * @return the file written
     */
    public static Path writeTo(final Path directory) {
        Path file = directory.resolve(NAME + "@" + REVISION + ".yang");
        try (InputStream in = ProbeTestModule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Returns a configuration document ({@code <config>} in the NETCONF base namespace) holding {@code count} list
     * entries: {@code name} {@link #nodeName(int) node-0}, {@code node-1}, ..., {@code value} the entry's index and
     * a short {@code description}. With zero entries it is {@link #EMPTY_CONFIG}.
     *
     * @param count how many entries
     * @return the document
     */
    public static String config(final int count) {
        if (count < 0) {
            throw new IllegalArgumentException("Negative count: " + count);
        }
        if (count == 0) {
            return EMPTY_CONFIG;
        }
        StringBuilder xml = new StringBuilder(64 + count * 120)
            .append("<config xmlns=\"").append(NETCONF_BASE).append("\">\n")
            .append("  <probe xmlns=\"").append(NAMESPACE).append("\">\n");
        for (int i = 0; i < count; i++) {
            xml.append("    <node><name>").append(nodeName(i)).append("</name><value>").append(i)
                .append("</value><description>probe node ").append(i).append("</description></node>\n");
        }
        return xml.append("  </probe>\n</config>\n").toString();
    }

    /**
     * Returns the key of the entry with the given index in {@link #config(int)}.
     *
     * @param index the index
     * @return {@code node-<index>}
     */
    public static String nodeName(final int index) {
        return "node-" + index;
    }
}

package org.sdqkd.yang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the project's YANG modules, the IETF modules they import (taken from OpenDaylight's model
 * jars on the test class path) and the example instance documents.
 */
public final class ModelFiles {
    /** IETF modules our models import, as bundled in the OpenDaylight model artifacts. */
    public static final List<String> IETF_MODULES = List.of(
        "ietf-inet-types@2013-07-15.yang",
        "ietf-yang-types@2013-07-15.yang",
        "ietf-netconf-acm@2018-02-14.yang",
        "ietf-netconf-monitoring@2010-10-04.yang");

    private ModelFiles() {
        // no instances
    }

    /** The directory holding the project's own YANG modules. */
    public static Path projectYangDir() {
        return Path.of(System.getProperty("sdqkd.yang.dir", "src/main/yang"));
    }

    /** The directory holding the example instance documents. */
    public static Path examplesDir() {
        return Path.of(System.getProperty("sdqkd.examples.dir", "src/test/resources/examples"));
    }

    /** The valid example documents, XML and JSON, sorted by name. */
    public static List<Path> validExamples() {
        return list(examplesDir().resolve("valid"), "").stream()
            .filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json"))
            .toList();
    }

    /** The directory of the invalid example documents and their manifest. */
    public static Path invalidExamplesDir() {
        return examplesDir().resolve("invalid");
    }

    /** Every {@code .yang} file of the project, sorted by name. */
    public static List<Path> projectModules() {
        return list(projectYangDir(), ".yang");
    }

    /** Every file in {@code dir} whose name ends with {@code suffix}, sorted. */
    public static List<Path> list(final Path dir, final String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of an IETF module inside its OpenDaylight jar. */
    public static URL ietfModule(final String fileName) {
        final URL url = ModelFiles.class.getClassLoader().getResource("META-INF/yang/" + fileName);
        if (url == null) {
            throw new IllegalStateException("IETF module " + fileName + " is not on the class path");
        }
        return url;
    }

    /** Copies the IETF modules out of their jars into {@code dir}, for tools that read plain files. */
    public static List<Path> extractIetfModules(final Path dir) throws IOException {
        final List<Path> out = new ArrayList<>();
        for (String name : IETF_MODULES) {
            final Path target = dir.resolve(name);
            try (InputStream in = ietfModule(name).openStream()) {
                Files.copy(in, target);
            }
            out.add(target);
        }
        return out;
    }
}

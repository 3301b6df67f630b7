package org.sdqkd.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the archive's {@code bin/sdqkd} finds Java when neither {@code JAVA_HOME} nor the directory of Java
 * installations ({@code SDQKD_JVM_DIR}, here an empty directory instead of {@code /usr/lib/jvm}) has a Java 21+:
 * the {@code java} on {@code PATH}, when it is 21 or newer, and a clear error otherwise. The {@code java} on
 * {@code PATH} is a script that records its arguments and answers its version as told, or runs this test's Java.
 */
class LauncherJavaIT {
    @TempDir
    static Path root;

    private static UnpackedArchive archive;
    private static Path emptyJvmDir;
    private static Path oldJavaHome;

    @BeforeAll
    static void unpack() throws Exception {
        archive = UnpackedArchive.unpack(root);
        emptyJvmDir = Files.createDirectories(root.resolve("jvm"));
        oldJavaHome = Files.createDirectories(root.resolve("java-17"));
        fakeJava(oldJavaHome.resolve("bin"), "17", root.resolve("java-17.calls"));
    }

    @Test
    @DisplayName("issue 20: with no Java 21+ in JAVA_HOME or the JVM directory, bin/sdqkd runs the java on PATH")
    void fallsBackToTheJavaOnPath() throws Exception {
        final Path bin = root.resolve("path-25/bin");
        final Path calls = root.resolve("path-25.calls");
        fakeJava(bin, null, calls);
        final UnpackedArchive.Result result = archive.run(Map.of("JAVA_HOME", oldJavaHome.toString(),
            "SDQKD_JVM_DIR", emptyJvmDir.toString(), "PATH", bin + ":/usr/bin:/bin"), "--version");
        assertEquals(0, result.status(), result.output());
        assertEquals("sdqkd " + System.getProperty("sdqkd.version"), result.output().strip());
        final String recorded = Files.readString(calls);
        assertTrue(recorded.contains("-XshowSettings:properties -version"), "its version asked first: " + recorded);
        assertTrue(recorded.lines().anyMatch(l -> l.endsWith("org.sdqkd.features.Main --version")), recorded);
        final String old = Files.readString(root.resolve("java-17.calls"));
        assertTrue(old.lines().allMatch(l -> l.contains("-XshowSettings:properties -version")),
            "JAVA_HOME's Java 17 is asked its version, never run: " + old);
    }

    @Test
    void refusesAJavaOnPathOlderThan21() throws Exception {
        final Path bin = root.resolve("path-17/bin");
        final Path calls = root.resolve("path-17.calls");
        fakeJava(bin, "17", calls);
        final UnpackedArchive.Result result = archive.run(Map.of("JAVA_HOME", "",
            "SDQKD_JVM_DIR", emptyJvmDir.toString(), "PATH", bin + ":/usr/bin:/bin"), "--version");
        assertEquals(2, result.status(), result.output());
        assertTrue(result.output().startsWith("sdqkd: no Java 21 or newer found (JAVA_HOME=unset, " + emptyJvmDir
            + ", PATH)."), result.output());
        assertTrue(Files.readString(calls).lines().noneMatch(l -> l.contains("org.sdqkd.features.Main")));
    }

    /**
     * Writes {@code bin/java}: it appends its arguments to {@code calls}, then prints the Java {@code version} asked
     * of it ({@code -XshowSettings:properties -version}) and exits, or, with no version, runs this test's Java.
     */
    private static void fakeJava(final Path bin, final String version, final Path calls) throws IOException {
        Files.createDirectories(bin);
        final String answer = version == null
            ? "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n"
            : "echo '    java.specification.version = " + version + "' >&2\nexit 0\n";
        final Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n" + answer);
        assertTrue(java.toFile().setExecutable(true));
    }
}

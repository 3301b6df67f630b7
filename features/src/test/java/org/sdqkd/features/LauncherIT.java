package org.sdqkd.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.yang.ExampleManifest;
import org.sdqkd.yang.ModelFiles;

/** Runs the {@code sdqkd} launcher script as a user would, on the packaged distribution. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("sdqkd.launcher", "../sdqkd"));

    /** What the launcher printed, and its exit status. */
    private record Run(int status, String output) {
    }

    @Test
    void validatesEveryValidExample() throws Exception {
        final List<String> args = new ArrayList<>(List.of("validate"));
        ModelFiles.validExamples().forEach(p -> args.add(p.toString()));
        final Run run = launch(args);
        assertEquals(0, run.status(), run.output());
        assertEquals(ModelFiles.validExamples().size(), run.output().lines().filter(l -> l.endsWith(": valid")).count(),
            run.output());
    }

    @Test
    void rejectsInvalidExamplesNamingTheirPaths() throws Exception {
        final List<String> args = new ArrayList<>(List.of("validate"));
        final List<Path> files = new ArrayList<>();
        for (ExampleManifest.Entry entry : ExampleManifest.load(ModelFiles.invalidExamplesDir()).entries()) {
            files.add(ModelFiles.invalidExamplesDir().resolve(entry.file()));
            args.add(files.getLast().toString());
        }
        final Run run = launch(args);
        assertEquals(1, run.status(), run.output());
        for (Path file : files) {
            assertTrue(run.output().lines().anyMatch(l -> l.startsWith(file + ": /")), file + " in " + run.output());
        }
    }

    @Test
    void printsItsVersionAndUsage() throws Exception {
        final Run version = launch(List.of("--version"));
        assertEquals(0, version.status());
        assertTrue(version.output().startsWith("sdqkd 0."), version.output());
        final Run help = launch(List.of("validate", "--help"));
        assertEquals(0, help.status());
        assertTrue(help.output().contains("Exit status:"), help.output());
    }

    @Test
    @DisplayName("issue 12: the launcher's build runs no test, shows a line per module and leaves ~/.m2 alone")
    @Timeout(900)
    void buildsACopyOfTheSourcesWithoutRunningATest(@TempDir final Path copy) throws Exception {
        final Path root = LAUNCHER.toAbsolutePath().getParent();
        // what a fresh clone holds: the files git knows (committed or not yet), no target/
        final Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z", "--cached",
            "--others", "--exclude-standard").start();
        final String files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor());
        for (String file : files.split("\0")) {
            final Path source = root.resolve(file);
            if (!file.isEmpty() && Files.isRegularFile(source)) {
                Files.createDirectories(copy.resolve(file).getParent());
                Files.copy(source, copy.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        // offline: everything the build needs is in the local repository the enclosing build filled
        final Run run = run(List.of("bash", copy.resolve("sdqkd").toString(), "build"), Map.of("MAVEN_ARGS", "-o"),
            TimeUnit.MINUTES.toSeconds(14));
        assertEquals(0, run.status(), run.output());
        // a line per module, up to the last one (n/n)
        assertTrue(run.output().lines().anyMatch(l -> l.matches("sdqkd: building (\\d+)/\\1: .+ \\(\\d+ s\\)")),
            run.output());
        assertTrue(run.output().lines().anyMatch(l -> l.matches("sdqkd: built in \\d+ s")), run.output());
        assertTrue(Files.isRegularFile(copy.resolve("features/target/sdqkd.jar")), run.output());
        // the installable distribution: the archive and the Debian package
        try (Stream<Path> built = Files.list(copy.resolve("distribution/target"))) {
            final List<String> names = built.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.matches("sdqkd-.+\\.tar\\.gz")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.matches("sdqkd_.+_all\\.deb")), names.toString());
        }
        final String log = Files.readString(copy.resolve("target/sdqkd-build.log"));
        assertTrue(log.contains("BUILD SUCCESS"), log);
        assertFalse(log.contains("maven-install-plugin") || log.contains("--- install:"), "installed: " + log);
        try (Stream<Path> paths = Files.walk(copy)) {
            final List<Path> reports = paths.filter(p -> p.getFileName().toString().matches(
                "(surefire|failsafe)-reports|TEST-.*\\.xml")).toList();
            assertEquals(List.of(), reports, "a test ran during the launcher's build");
        }
    }

    @Test
    @DisplayName("issue 12: ./sdqkd test installs only the missing Debian packages, and nothing when none is")
    void installsOnlyMissingTestPackages(@TempDir final Path dir) throws Exception {
        final Path shims = Files.createDirectories(dir.resolve("bin"));
        final Path apt = dir.resolve("apt.log");
        // dpkg-query reports every package installed except those named in FAKE_MISSING
        shim(shims, "dpkg-query", "for p in $FAKE_MISSING; do [ \"$p\" = \"$3\" ] && exit 1; done\n"
            + "printf 'install ok installed'");
        shim(shims, "apt-get", "echo \"apt-get $* (DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-})\" >> " + apt);
        shim(shims, "id", "echo \"$FAKE_UID\"");
        // sudo works when FAKE_SUDO is yes, and refuses as a user without rights otherwise
        shim(shims, "sudo", "[ \"$FAKE_SUDO\" = yes ] || { echo 'sudo: a password is required' >&2; exit 1; }\n"
            + "echo \"sudo $1\" >> " + apt + "; exec \"$@\"");
        final String path = shims + ":" + System.getenv("PATH");

        Run run = packages(path, "sshpass netconfd", "0", "no");
        assertEquals(0, run.status(), run.output());
        assertEquals(List.of("apt-get update -q (DEBIAN_FRONTEND=)",
            "apt-get install -y -q sshpass netconfd (DEBIAN_FRONTEND=noninteractive)"), Files.readAllLines(apt));
        assertTrue(run.output().contains("installing the Debian packages the tests need: sshpass netconfd"),
            run.output());

        // idempotent: with every package installed, a second run changes nothing
        Files.delete(apt);
        run = packages(path, "", "0", "no");
        assertEquals(0, run.status(), run.output());
        assertFalse(Files.exists(apt), run.output());
        assertTrue(run.output().contains("Debian packages the tests use are installed"), run.output());

        // a user: through sudo
        run = packages(path, "yangcli", "1000", "yes");
        assertEquals(0, run.status(), run.output());
        assertEquals(List.of("sudo apt-get", "apt-get update -q (DEBIAN_FRONTEND=)", "sudo env",
            "apt-get install -y -q yangcli (DEBIAN_FRONTEND=noninteractive)"), Files.readAllLines(apt));
        Files.delete(apt);

        // a user sudo refuses: a clear message that says what to run, no install
        run = packages(path, "yangcli", "1000", "no");
        assertEquals(2, run.status(), run.output());
        assertTrue(run.output().contains("run 'apt-get install yangcli' as root"), run.output());
        assertFalse(Files.exists(apt), run.output());
    }

    private static Run packages(final String path, final String missing, final String uid, final String sudo)
            throws IOException, InterruptedException {
        return run(List.of("bash", LAUNCHER.toString(), "test-packages"), Map.of("PATH", path, "FAKE_MISSING",
            missing, "FAKE_UID", uid, "FAKE_SUDO", sudo), 60);
    }

    private static void shim(final Path dir, final String name, final String body) throws IOException {
        final Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Run launch(final List<String> args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(args);
        // test the distribution this build packaged; never start a nested build
        return run(command, Map.of("SDQKD_NO_BUILD", "1"), 120);
    }

    private static Run run(final List<String> command, final Map<String, String> env, final long seconds)
            throws IOException, InterruptedException {
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the launcher's own choices, not the caller's, are under test
        builder.environment().remove("DEBIAN_FRONTEND");
        builder.environment().putAll(env);
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not finish: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}

package org.sdqkd.distribution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the package's maintainer scripts outside dpkg, with the tools it calls replaced by scripts that record
 * their arguments, one line per call, and change nothing: {@code getent} (no user sdqkd), {@code adduser},
 * {@code install}, {@code dpkg-statoverride} (no override), {@code systemctl}, {@code deb-systemd-invoke} and
 * {@code deb-systemd-helper} ({@code was-enabled} answers as set). The script's absolute paths are moved into the
 * run's own directory, so that {@code /run/systemd/system} exists only when systemd is to look running and a purge
 * removes nothing of this machine.
 *
 * <p>{@link #inRoot} runs the real {@code deb-systemd-helper} instead, on a package root through {@code DPKG_ROOT}
 * (as dpkg sets it for {@code --root} with {@code --force-script-chrootless}), leaving the script as it is.
 */
final class ScriptRun {
    private static final List<String> RECORDED = List.of("getent", "adduser", "install", "dpkg-statoverride",
        "systemctl", "deb-systemd-invoke", "deb-systemd-helper");

    private final Path control;
    private final Path dir;
    private boolean wasEnabled = true;
    private boolean systemdRunning = true;
    private Path root;

    /**
     * A run of a script of {@code control}, in a directory of its own beside it.
     *
     * @param control the package's control directory (dpkg-deb --control)
     * @param name    the run's name, unique in the test
     */
    ScriptRun(final Path control, final String name) {
        this.control = control;
        this.dir = control.resolveSibling("run-" + name);
    }

    /** What {@code deb-systemd-helper --quiet was-enabled} answers: false once the administrator disabled the unit. */
    ScriptRun wasEnabled(final boolean enabled) {
        this.wasEnabled = enabled;
        return this;
    }

    /** Whether {@code /run/systemd/system} exists for the script, that is whether systemd runs. */
    ScriptRun systemdRunning(final boolean running) {
        this.systemdRunning = running;
        return this;
    }

    /** Runs the real {@code deb-systemd-helper} on {@code packageRoot} ({@code DPKG_ROOT}). */
    ScriptRun inRoot(final Path packageRoot) {
        this.root = packageRoot;
        return this;
    }

    /**
     * Runs {@code script} with {@code args}; asserts exit status 0 and no output.
     *
     * @return the recorded calls, a line each
     */
    String run(final String script, final String... args) throws IOException, InterruptedException {
        final Path bin = Files.createDirectories(dir.resolve("bin"));
        final Path calls = dir.resolve("calls.log");
        Files.writeString(calls, "");
        for (String tool : RECORDED) {
            if (root != null && tool.equals("deb-systemd-helper")) {
                continue;
            }
            final String status = switch (tool) {
                case "getent", "dpkg-statoverride" -> "exit 1";
                case "deb-systemd-helper" -> "[ \"$1 $2\" != \"--quiet was-enabled\" ] || exit " + (wasEnabled ? 0 : 1);
                default -> "exit 0";
            };
            final Path stub = bin.resolve(tool);
            Files.writeString(stub, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + calls + "'\n" + status + "\n");
            assertTrue(stub.toFile().setExecutable(true));
        }
        final Path copy = dir.resolve(script);
        String text = Files.readString(control.resolve(script));
        if (root == null) {
            final Path scratch = Files.createDirectories(dir.resolve("scratch"));
            if (systemdRunning) {
                Files.createDirectories(scratch.resolve("run/systemd/system"));
            }
            text = text.replace("/run/systemd/system", scratch + "/run/systemd/system")
                .replace("\"${DPKG_ROOT:-}\"/", "\"" + scratch + "\"/")
                .replace("\"${DPKG_ROOT:-}/", "\"" + scratch + "/");
        }
        Files.writeString(copy, text);
        final List<String> command = new ArrayList<>(List.of("sh", copy.toString()));
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/sbin:/usr/bin:/sbin:/bin");
        // as dpkg sets them for a maintainer script (deb-systemd-helper refuses to run without them)
        builder.environment().put("DPKG_MAINTSCRIPT_PACKAGE", "sdqkd");
        builder.environment().put("DPKG_MAINTSCRIPT_NAME", script);
        if (root != null) {
            builder.environment().put("DPKG_ROOT", root.toString());
        } else {
            builder.environment().remove("DPKG_ROOT");
        }
        final Process process = builder.start();
        final String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), script);
        assertEquals(0, process.exitValue(), script + " " + String.join(" ", args) + ":\n" + output);
        assertEquals("", output, script + " " + String.join(" ", args) + " prints nothing");
        return Files.readString(calls);
    }
}

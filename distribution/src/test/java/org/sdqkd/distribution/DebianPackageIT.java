package org.sdqkd.distribution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package {@code sdqkd_VERSION_all.deb}: its control data and maintainer scripts, its files unpacked into a
 * fresh root with {@code dpkg --root}, the program run from there, lintian, and {@code systemd-analyze verify} on its
 * units. Fails (not skips) without dpkg, lintian or systemd-analyze: {@code ./sdqkd test} installs them.
 */
class DebianPackageIT {
    private static final List<String> UNITS = List.of("sdqkd-node@.service", "sdqkd-agent.service",
        "sdqkd-controller.service");

    @TempDir
    static Path work;

    private static Path deb;
    private static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("sdqkd.deb.dir")))) {
            final List<Path> debs = files.filter(p -> p.getFileName().toString().matches("sdqkd_.*_all\\.deb"))
                .toList();
            assertEquals(1, debs.size(), "one sdqkd_VERSION_all.deb: " + debs);
            deb = debs.get(0);
        }
        root = Files.createDirectories(work.resolve("root"));
        final Path admin = Files.createDirectories(root.resolve("var/lib/dpkg"));
        Files.createDirectories(admin.resolve("updates"));
        Files.createDirectories(admin.resolve("info"));
        Files.writeString(admin.resolve("status"), "");
        // --unpack: files and conffiles registered; no maintainer script runs (they would need a chroot with a shell)
        run(0, "dpkg", "--root=" + root, "--log=" + work.resolve("dpkg.log"), "--force-depends", "--force-not-root",
            "--unpack", deb.toString());
    }

    @Test
    void describesItselfAsDebianExpects() throws Exception {
        final String info = run(0, "dpkg-deb", "--field", deb.toString());
        assertTrue(info.contains("Package: sdqkd\n"), info);
        assertTrue(info.contains("Architecture: all\n"), info);
        assertTrue(info.contains("java21-runtime-headless"), info);
        final String conffiles = Files.readString(root.resolve("var/lib/dpkg/info/sdqkd.conffiles"));
        assertEquals(List.of("/etc/sdqkd/logback-service.xml", "/etc/sdqkd/logback.xml"),
            conffiles.lines().sorted().toList(), "the configuration is kept on upgrade");
    }

    @Test
    void installsUnderTheDebianPaths() throws Exception {
        assertTrue(Files.isSymbolicLink(root.resolve("usr/bin/sdqkd")));
        assertEquals(root.resolve("usr/share/sdqkd/bin/sdqkd").toRealPath(),
            root.resolve("usr/bin/sdqkd").toRealPath());
        assertTrue(Files.getPosixFilePermissions(root.resolve("usr/share/sdqkd/bin/sdqkd"))
            .contains(PosixFilePermission.OTHERS_EXECUTE));
        assertEquals(Path.of("/etc/sdqkd"), Files.readSymbolicLink(root.resolve("usr/share/sdqkd/config")));
        // unpacked, not yet configured: dpkg renames a new conffile from .dpkg-new when it configures the package
        for (String file : List.of("etc/sdqkd/logback.xml.dpkg-new", "etc/sdqkd/logback-service.xml.dpkg-new",
                "usr/share/doc/sdqkd/copyright", "usr/share/doc/sdqkd/changelog.gz",
                "usr/share/doc/sdqkd/README.Debian",
                "usr/share/doc/sdqkd/THIRD-PARTY.txt", "usr/share/doc/sdqkd/examples/agent.yaml",
                "usr/share/doc/sdqkd/examples/node/almagro.yaml", "lib/systemd/system/sdqkd-node@.service",
                "lib/systemd/system/sdqkd-agent.service", "lib/systemd/system/sdqkd-controller.service",
                "usr/share/doc/sdqkd/examples/controller/controller.yaml",
                "usr/share/bash-completion/completions/sdqkd")) {
            assertTrue(Files.isRegularFile(root.resolve(file)), file);
        }
        assertTrue(Files.isDirectory(root.resolve("etc/sdqkd/node")));
        // picocli's completion script knows the subcommands and their options
        final String completion = Files.readString(root.resolve("usr/share/bash-completion/completions/sdqkd"));
        assertTrue(completion.contains("complete -F _complete_sdqkd") && completion.contains("--ready-file"),
            "bash completion");
        run(0, "bash", "-n", root.resolve("usr/share/bash-completion/completions/sdqkd").toString());
        try (Stream<Path> jars = Files.list(root.resolve("usr/share/sdqkd/lib"))) {
            assertTrue(jars.anyMatch(p -> p.getFileName().toString().startsWith("sdqkd-features-")));
        }
        // the installed program runs: its launcher resolves /usr/bin/sdqkd's link to find lib/
        final String version = run(0, root.resolve("usr/bin/sdqkd").toString(), "--version");
        assertEquals("sdqkd " + System.getProperty("sdqkd.version"), version.strip());
    }

    @Test
    void shipsAManPagePerCommand() throws Exception {
        final String node = ManPages.assertComplete(root.resolve("usr/share/man/man1"));
        assertTrue(node.contains("--ready-file") && node.contains("--netconf-port"), node);
    }

    @Test
    void maintainerScriptsCreateTheUserAndDirectories() throws Exception {
        final Path control = control();
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertTrue(Files.isExecutable(control.resolve(script)), script);
            run(0, "sh", "-n", control.resolve(script).toString());
        }
        final String log = new ScriptRun(control, "fresh").run("postinst", "configure");
        assertTrue(log.contains("adduser --system --group --quiet --home /var/lib/sdqkd --no-create-home"), log);
        assertTrue(log.contains("install -d -o sdqkd -g sdqkd -m 0750 /var/lib/sdqkd"), log);
        assertTrue(log.contains("install -d -o sdqkd -g sdqkd -m 0750 /var/log/sdqkd"), log);
        assertFalse(log.contains("systemctl enable"), "units are enabled through deb-systemd-helper only");
    }

    @Test
    @DisplayName("issue 20: the maintainer scripts handle the units as dh_installsystemd does")
    void maintainerScriptsUseDebSystemdHelper() throws Exception {
        final Path control = control();
        // first installation, systemd running: enabled (was-enabled is true for a new unit), reloaded, started
        final String fresh = new ScriptRun(control, "install").run("postinst", "configure");
        assertTrue(fresh.contains("deb-systemd-helper unmask sdqkd-agent.service\n"
            + "deb-systemd-helper --quiet was-enabled sdqkd-agent.service\n"
            + "deb-systemd-helper enable sdqkd-agent.service\n"), fresh);
        assertTrue(fresh.contains("systemctl --system daemon-reload\ndeb-systemd-invoke start sdqkd-agent.service\n"),
            fresh);
        assertFalse(fresh.contains("try-restart"), fresh);
        // upgrade after the administrator disabled the agent: not enabled again, the state updated, restarted
        final ScriptRun disabled = new ScriptRun(control, "upgrade").wasEnabled(false);
        final String upgrade = disabled.run("postinst", "configure", "0.1.0-1");
        assertTrue(upgrade.contains("deb-systemd-helper update-state sdqkd-agent.service\n"), upgrade);
        assertFalse(upgrade.contains("deb-systemd-helper enable"), upgrade);
        assertTrue(upgrade.contains("deb-systemd-invoke restart sdqkd-agent.service\n"
            + "systemctl try-restart sdqkd-node@*.service sdqkd-controller.service\n"), upgrade);
        // without systemd running (a container, a chroot): the links only, no daemon-reload or start
        final String noSystemd = new ScriptRun(control, "chroot").systemdRunning(false).run("postinst", "configure");
        assertTrue(noSystemd.contains("deb-systemd-helper enable sdqkd-agent.service"), noSystemd);
        assertFalse(noSystemd.contains("systemctl") || noSystemd.contains("deb-systemd-invoke"), noSystemd);
        // removal stops the services; an upgrade's prerm leaves them running until the new postinst restarts them
        assertEquals("deb-systemd-invoke stop sdqkd-agent.service\n"
            + "systemctl stop sdqkd-node@*.service sdqkd-controller.service\n",
            new ScriptRun(control, "remove").run("prerm", "remove"));
        assertEquals("", new ScriptRun(control, "prerm-upgrade").run("prerm", "upgrade", "0.2.0-1"));
        assertEquals("systemctl --system daemon-reload\n", new ScriptRun(control, "postrm").run("postrm", "remove"));
        assertEquals("deb-systemd-helper purge sdqkd-agent.service\n",
            new ScriptRun(control, "purge").run("postrm", "purge"));
    }

    @Test
    @DisplayName("issue 20: in the package's fresh root, deb-systemd-helper enables, keeps a disable and purges")
    void maintainerScriptsEnableKeepADisableAndPurgeInTheFreshRoot() throws Exception {
        final Path control = control();
        final Path wants = root.resolve("etc/systemd/system/multi-user.target.wants");
        final Path agentLink = wants.resolve("sdqkd-agent.service");
        // the real deb-systemd-helper on the root (DPKG_ROOT); user and directory tools recorded, not run
        final ScriptRun first = new ScriptRun(control, "root-install").inRoot(root);
        first.run("postinst", "configure");
        assertEquals(Path.of("/lib/systemd/system/sdqkd-agent.service"), Files.readSymbolicLink(agentLink));
        // the administrator disables the agent and enables a node; an upgrade keeps both as they are
        run(0, "systemctl", "--root=" + root, "disable", "sdqkd-agent.service");
        assertFalse(Files.exists(agentLink, LinkOption.NOFOLLOW_LINKS));
        // (systemctl removed the emptied .wants directory)
        Files.createSymbolicLink(Files.createDirectories(wants).resolve("sdqkd-node@almagro.service"),
            Path.of("/lib/systemd/system/sdqkd-node@.service"));
        new ScriptRun(control, "root-upgrade").inRoot(root).run("postinst", "configure", "0.1.0-1");
        assertFalse(Files.exists(agentLink, LinkOption.NOFOLLOW_LINKS), "a disable survives the upgrade");
        // purge: deb-systemd-helper's records and the node's link go, the logs too
        Files.createDirectories(root.resolve("var/log/sdqkd"));
        new ScriptRun(control, "root-purge").inRoot(root).run("postrm", "purge");
        assertFalse(Files.exists(wants.resolve("sdqkd-node@almagro.service"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(root.resolve("var/log/sdqkd")));
        final Path state = root.resolve("var/lib/systemd/deb-systemd-helper-enabled");
        try (Stream<Path> files = Files.exists(state) ? Files.walk(state) : Stream.empty()) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains("sdqkd")).toList(),
                "deb-systemd-helper's records of the unit are purged");
        }
    }

    private static Path control() throws IOException, InterruptedException {
        final Path control = work.resolve("control");
        if (!Files.isDirectory(control)) {
            run(0, "dpkg-deb", "--control", deb.toString(), control.toString());
        }
        return control;
    }

    @Test
    void passesLintianWithoutErrors() throws Exception {
        final String report = run(0, "lintian", "--fail-on", "error", "--no-tag-display-limit", deb.toString());
        assertFalse(report.lines().anyMatch(l -> l.startsWith("E:")), report);
    }

    @Test
    void unitsPassSystemdAnalyzeVerify() throws Exception {
        final Path units = root.resolve("lib/systemd/system");
        // the units they depend on (sysinit.target, network-online.target...): this machine's, beside them in the root
        final Path system = Path.of("/lib/systemd/system");
        final Path hostUnits = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        try (Stream<Path> files = Files.list(system)) {
            for (Path unit : files.filter(p -> !Files.isDirectory(p)).toList()) {
                Files.copy(unit, hostUnits.resolve(unit.getFileName().toString()), LinkOption.NOFOLLOW_LINKS);
            }
        }
        final List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify", "--root=" + root));
        // a template is verified through an instance of it
        Files.copy(units.resolve("sdqkd-node@.service"), units.resolve("sdqkd-node@almagro.service"));
        command.add("/lib/systemd/system/sdqkd-node@almagro.service");
        command.add("/lib/systemd/system/sdqkd-agent.service");
        final String report = run(0, command.toArray(String[]::new));
        for (String unit : UNITS) {
            assertFalse(report.contains(unit.replace("@.", "@almagro.")), report);
        }
        for (String unit : UNITS) {
            final String text = Files.readString(units.resolve(unit));
            for (String hardening : List.of("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes",
                    "CapabilityBoundingSet=\n", "User=sdqkd")) {
                assertTrue(text.contains(hardening), unit + ": " + hardening);
            }
        }
    }

    /** Runs a command, checks its exit status and returns its output. */
    static String run(final int expected, final String... command) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(expected, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}

package org.sdqkd.distribution;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sdqkd.features.Main;
import picocli.CommandLine;

/**
 * The man pages a package holds: one gzipped page per command of the command line ({@code sdqkd.1.gz},
 * {@code sdqkd-node.1.gz}, {@code sdqkd-pki-init.1.gz}, ...), each rendered by Debian's {@code man} without a warning.
 */
final class ManPages {
    private ManPages() {
        // static only
    }

    /** The page names the command line asks for: every command, at every level, joined with '-'. */
    static Set<String> expected() {
        final Set<String> names = new TreeSet<>();
        final List<CommandLine> pending = new ArrayList<>(List.of(new CommandLine(new Main())));
        while (!pending.isEmpty()) {
            final CommandLine command = pending.remove(pending.size() - 1);
            if (!command.getCommandSpec().usageMessage().hidden()) {
                names.add(command.getCommandSpec().qualifiedName("-") + ".1.gz");
            }
            pending.addAll(command.getSubcommands().values());
        }
        return names;
    }

    /**
     * Asserts that {@code directory} holds exactly the expected pages, and that {@code man} renders each without a
     * warning (what lintian checks with {@code man --warnings}); returns the rendered {@code sdqkd-node} page.
     */
    static String assertComplete(final Path directory) throws IOException, InterruptedException {
        final Set<String> found;
        try (Stream<Path> files = Files.list(directory)) {
            found = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expected(), found, "one man page per command in " + directory);
        String node = "";
        for (String page : found) {
            final String rendered = render(directory.resolve(page));
            final String command = page.substring(0, page.length() - ".1.gz".length());
            assertTrue(rendered.contains("NAME") && rendered.contains(command) && rendered.contains("SYNOPSIS"),
                page + ":\n" + rendered);
            if (page.equals("sdqkd-node.1.gz")) {
                node = rendered;
            }
        }
        return node;
    }

    /** {@code man --warnings -l PAGE} as plain text; fails on any message on standard error. */
    private static String render(final Path page) throws IOException, InterruptedException {
        final Path errors = Files.createTempFile("man", ".err");
        try {
            final ProcessBuilder builder = new ProcessBuilder("man", "--warnings", "-E", "UTF-8", "-l", page.toString())
                .redirectError(errors.toFile());
            builder.environment().put("MANWIDTH", "80");
            builder.environment().put("MAN_DISABLE_SECCOMP", "1");
            final Process man = builder.start();
            final String out = new String(man.getInputStream().readAllBytes(), UTF_8);
            assertTrue(man.waitFor(60, TimeUnit.SECONDS), "man " + page);
            final String err = Files.readString(errors);
            assertEquals(0, man.exitValue(), page + ": " + err);
            assertEquals("", err, "man --warnings on " + page);
            return out;
        } finally {
            Files.delete(errors);
        }
    }
}

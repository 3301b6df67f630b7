package org.sdqkd.netconf.interop.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ncclient downloads every YANG module the agent lists with get-schema, and yanglint accepts them together. */
@Tag("interop")
class GetSchemaInteropTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void everyListedModuleDownloadsAndValidates() throws Exception {
        try (AgentUnderTest agent = AgentUnderTest.start(dir.resolve("agent"))) {
            Path modules = dir.resolve("modules");
            Ncclient.Summary summary = Ncclient.getSchema(agent, modules, List.of(), Duration.ofSeconds(90));
            assertTrue(summary.failures().isEmpty(), summary::describe);
            assertEquals(0, summary.run().exitCode(), summary::describe);
            List<String> ours;
            try (Stream<Path> files = Files.list(Path.of(System.getProperty("basedir", ""))
                    .resolve("../yang/src/main/yang"))) {
                ours = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yang")).toList();
            }
            for (String module : ours) {
                assertTrue(Files.exists(modules.resolve(module)), "get-schema did not give " + module);
            }
            YanglintCheck.Result lint = YanglintCheck.check(modules, Duration.ofSeconds(60));
            assertTrue(lint.passed(), () -> lint.errors() + "\n" + lint.run().stderr());
        }
    }
}

package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API explorer in a real browser: Debian's headless Chromium loads {@code /restconf/explorer/} from the gateway,
 * Swagger UI (served from its webjar) fetches our document and renders it; the DOM it leaves lists every module of
 * the document as a section and, for the module the page links to, every one of its operations. Skipped without
 * {@code chromium}.
 */
@Tag("interop")
final class ExplorerBrowserTest {
    private static final String CHROMIUM = "chromium";
    private static final String MODULE = "sdqkd-ssh-qkd";
    private static final Pattern OPERATION = Pattern.compile(
        "class=\"opblock opblock-(get|put|post|patch|delete)[^\"]*\"[^>]*>.*?data-path=\"([^\"]*)\"", Pattern.DOTALL);

    @TempDir
    Path directory;
    private GatewayHarness gateway;

    @BeforeEach
    void start() {
        assumeTrue(chromiumInstalled(), "chromium is not installed");
        gateway = new GatewayHarness(directory);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theExplorerRendersTheOperationsOfOurDocument() throws Exception {
        final String root = gateway.root().toString();
        final String page = root.substring(0, root.length() - "/restconf".length()) + OpenApiResource.EXPLORER
            + "/#/" + MODULE;
        final String dom = dumpDom(page);
        final JsonNode document = new ObjectMapper().readTree(gateway.send("GET",
            java.net.URI.create(root + "/openapi.json"), null).body());

        final Set<String> tags = new TreeSet<>();
        document.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        for (String tag : tags) {
            assertTrue(dom.contains("data-tag=\"" + tag + "\""), "the section of " + tag);
        }
        final Set<String> expected = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            path.getValue().properties().forEach(operation -> {
                if (operation.getValue().has("tags")
                        && MODULE.equals(operation.getValue().get("tags").get(0).asText())) {
                    expected.add(operation.getKey() + " " + path.getKey());
                }
            });
        }
        assertFalse(expected.isEmpty());
        final Set<String> rendered = new TreeSet<>();
        final Matcher operations = OPERATION.matcher(dom);
        while (operations.find()) {
            rendered.add(operations.group(1) + " " + operations.group(2).replace("&amp;", "&"));
        }
        assertEquals(expected, rendered, "the operations Swagger UI rendered for " + MODULE);
    }

    /** The DOM headless Chromium leaves once the page's scripts have run. */
    private String dumpDom(final String url) throws IOException, InterruptedException {
        final Path out = directory.resolve("dom.html");
        final Process chromium = new ProcessBuilder(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--user-data-dir=" + directory.resolve("profile"), "--virtual-time-budget=20000",
            "--dump-dom", url)
            .redirectOutput(out.toFile()).redirectError(directory.resolve("chromium.log").toFile()).start();
        if (!chromium.waitFor(180, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("chromium did not finish in 180 s");
        }
        assertEquals(0, chromium.exitValue(), () -> read(directory.resolve("chromium.log")));
        return read(out);
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean chromiumInstalled() {
        try {
            final Process process = new ProcessBuilder(CHROMIUM, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package org.sdqkd.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the models and the example documents with libyang's yanglint, an implementation we did not
 * write. It must be installed ({@code apt-get install libyang2-tools}); these tests fail without it.
 */
class YanglintTest {
    private static final String ETSI_FILE = "etsi-qkd-sdn-node@2022-01-30.yang";
    /** SHA-256 of etsi-qkd-sdn-node@2022-01-30.yang as published with ETSI GS QKD 015 V2.1.1. */
    private static final String ETSI_PUBLISHED_SHA256 =
        "4b7b3fdbdbbf258cb9a4231d2617d87c2f51f094ad7e5413605727cb04a38030";

    @TempDir
    static Path ietfDir;

    private static Yanglint yanglint;
    private static List<Path> allModules;

    @BeforeAll
    static void setUp() throws IOException {
        assertTrue(Yanglint.installed(),
            "yanglint is not installed; install the Debian package libyang2-tools (CI does so in .ci/run)");
        allModules = new ArrayList<>(ModelFiles.projectModules());
        allModules.addAll(ModelFiles.extractIetfModules(ietfDir));
        yanglint = new Yanglint(List.of(ModelFiles.projectYangDir(), ietfDir));
    }

    static List<Path> modules() {
        return ModelFiles.projectModules();
    }

    static Stream<Path> validExamples() {
        return ModelFiles.validExamples().stream();
    }

    static List<ExampleManifest.Entry> invalidExamples() throws IOException {
        return ExampleManifest.load(ModelFiles.invalidExamplesDir()).entries();
    }

    @ParameterizedTest
    @MethodSource("modules")
    void moduleValidatesWithoutWarnings(final Path module) throws IOException {
        final Yanglint.Result result = yanglint.validateModules(List.of(module));
        assertEquals(0, result.exitCode(), result.output());
        assertEquals("", result.output().strip(), "yanglint printed warnings");
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void validExampleValidates(final Path example) throws IOException {
        final Yanglint.Result result = yanglint.validateData(allModules, example);
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void everyValidExampleExistsInBothEncodings() {
        final Set<String> names = validExamples().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        assertFalse(names.isEmpty(), "no valid examples found");
        for (String name : names) {
            final String base = name.substring(0, name.lastIndexOf('.'));
            assertTrue(names.contains(base + ".xml") && names.contains(base + ".json"), base + " needs .xml and .json");
        }
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void invalidExampleIsRejectedAtItsPath(final ExampleManifest.Entry entry) throws IOException {
        final Path file = ModelFiles.invalidExamplesDir().resolve(entry.file());
        final Yanglint.Result result = yanglint.validateData(allModules, file);
        assertFalse(result.ok(), entry.file() + " was accepted by yanglint");
        assertTrue(result.output().contains(entry.path()),
            "yanglint did not name " + entry.path() + ":\n" + result.output());
    }

    @Test
    void manifestListsEveryInvalidExample() throws IOException {
        final Set<String> listed = invalidExamples().stream().map(ExampleManifest.Entry::file)
            .collect(Collectors.toSet());
        final Set<String> present = ModelFiles.list(ModelFiles.invalidExamplesDir(), "").stream()
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".xml") || n.endsWith(".json"))
            .collect(Collectors.toSet());
        assertEquals(present, listed);
        final Set<String> kinds = invalidExamples().stream().map(ExampleManifest.Entry::kind)
            .collect(Collectors.toSet());
        assertEquals(Set.of("parser", "tree", "leafref", "semantic"), kinds);
    }

    @Test
    @DisplayName("ETSI phys_* leaves validate on PHYS links only with the fixed when statements")
    void etsiPhysicalLinkLeavesNeedTheWhenFix(@TempDir final Path publishedDir) throws IOException {
        final String ours = Files.readString(ModelFiles.projectYangDir().resolve(ETSI_FILE), StandardCharsets.UTF_8);
        // undo exactly the three edits yang/README.md documents; the result must be the published text
        final String published = ours
            .replace("when \"qkdl_type = 'etsi-qkdn-types:VIRT'\"", "when \"qkdl_type = 'VIRT'\"")
            .replace("when \"qkdl_type = 'etsi-qkdn-types:PHYS'\"", "when \"qkdl_type = 'PHYS'\"")
            .replace("when \"../qkdl_type = 'etsi-qkdn-types:PHYS'\"", "when \"../qkdl_type = 'PHYS'\"");
        assertEquals(ETSI_PUBLISHED_SHA256, sha256(published), "our copy differs from the published text elsewhere");

        final Path publishedModule = publishedDir.resolve(ETSI_FILE);
        Files.writeString(publishedModule, published, StandardCharsets.UTF_8);
        final List<Path> publishedSet = allModules.stream()
            .map(m -> m.getFileName().toString().equals(ETSI_FILE) ? publishedModule : m).toList();
        final Path example = ModelFiles.examplesDir().resolve("valid/etsi-qkd-node.json");

        final Yanglint.Result withFix = yanglint.validateData(allModules, example);
        assertEquals(0, withFix.exitCode(), withFix.output());
        final Yanglint.Result withPublished = new Yanglint(List.of(publishedDir, ModelFiles.projectYangDir(), ietfDir))
            .validateData(publishedSet, example);
        assertFalse(withPublished.ok(), "the published module unexpectedly accepted the example");
        assertTrue(Pattern.compile("When condition \"(\\.\\./)?qkdl_type = '(PHYS|VIRT)'\" not satisfied")
            .matcher(withPublished.output()).find(), withPublished.output());

        final Path physOnVirt = ModelFiles.examplesDir().resolve("invalid/etsi-qkd-node-phys-leaf-on-virt-link.xml");
        final Yanglint.Result rejected = yanglint.validateData(allModules, physOnVirt);
        assertFalse(rejected.ok(), "phys_* leaves on a VIRT link were accepted");
        assertTrue(rejected.output().contains("When condition \"qkdl_type = 'etsi-qkdn-types:PHYS'\" not satisfied"),
            rejected.output());
    }

    private static String sha256(final String text) {
        try {
            return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

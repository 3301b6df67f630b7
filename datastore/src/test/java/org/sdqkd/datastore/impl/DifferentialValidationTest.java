package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.spi.source.FileYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserFactory;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.yang.ModelFiles;
import org.sdqkd.yang.Yanglint;

/**
 * Differential test against libyang: for every document of {@code differential/cases.tsv}, on small test models
 * that exercise every kind of RFC 7950 constraint and on the project's own models, our verdict (codec read and
 * {@link DataTreeValidator}) equals yanglint's, and where yanglint's error is one that RFC 7950 section 15 gives
 * an error-app-tag, our errors carry that app-tag. yanglint is the oracle; the table's intended verdict is
 * checked against it too, so that a case that silently stopped testing what it was written for is caught.
 */
class DifferentialValidationTest {
    private static final Path FIXTURES = fixtures();
    private static final Path CASES = FIXTURES.resolve("cases");
    /** The constraint kinds the table must cover, each by at least one valid and one invalid document. */
    private static final Set<String> CONSTRAINT_KINDS = Set.of(
        "range", "length", "pattern", "invert-match", "enumeration", "identityref", "bits", "union", "decimal64",
        "mandatory", "mandatory-choice", "min-elements", "max-elements", "unique", "leafref", "instance-identifier",
        "must", "when", "default", "current", "deref", "derived-from", "derived-from-or-self", "re-match",
        "enum-value", "bit-is-set", "count", "string-functions", "arithmetic", "node-set-comparison",
        "sibling-axes", "position-last");
    private static final int MAX_YANGLINT_WRONG = 2;

    @TempDir
    static Path ietfDir;

    private static final Map<DifferentialCase.Models, ModelSet> MODELS = new EnumMap<>(DifferentialCase.Models.class);

    /** The models of one kind of case, as yangtools and yanglint see them. */
    private record ModelSet(EffectiveModelContext context, YangInstanceDocuments codec, DataTreeValidator validator,
            LibyangAppTags appTags, Yanglint yanglint, List<Path> modules) {
        static ModelSet of(final EffectiveModelContext context, final List<Path> searchDirs, final List<Path> modules) {
            return new ModelSet(context, new YangInstanceDocuments(context), new DataTreeValidator(context),
                new LibyangAppTags(context), new Yanglint(searchDirs), List.copyOf(modules));
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        assertTrue(Yanglint.installed(),
            "yanglint is not installed; install the Debian package libyang2-tools (CI does so in .ci/run)");
        final Path modelDir = FIXTURES.resolve("models");
        final List<Path> testModules = ModelFiles.list(modelDir, ".yang");
        final YangParser parser = ServiceLoader.load(YangParserFactory.class).findFirst().orElseThrow()
            .createParser(YangParserConfiguration.DEFAULT);
        for (Path module : testModules) {
            parser.addSource(new FileYangTextSource(module));
        }
        MODELS.put(DifferentialCase.Models.TEST, ModelSet.of(parser.buildEffectiveModel(), List.of(modelDir),
            testModules));

        final List<Path> projectModules = new ArrayList<>(ModelFiles.projectModules());
        projectModules.addAll(ModelFiles.extractIetfModules(ietfDir));
        MODELS.put(DifferentialCase.Models.PROJECT, ModelSet.of(YangModels.projectModels(),
            List.of(ModelFiles.projectYangDir(), ietfDir), projectModules));
    }

    static List<DifferentialCase> cases() throws IOException {
        return DifferentialCase.load(FIXTURES.resolve("cases.tsv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ourVerdictEqualsYanglints(final DifferentialCase testCase) throws IOException {
        final ModelSet models = MODELS.get(testCase.models());
        final Path document = CASES.resolve(testCase.file());
        final Yanglint.Result theirs = models.yanglint().validateData(models.modules(), document);
        final List<ValidationError> ours = validate(models, document);
        final String both = "\nyanglint:\n" + theirs.output() + "ours: " + ours;

        if (testCase.yanglintWrong()) {
            assertNotEquals(testCase.valid(), theirs.ok(),
                "yanglint now follows RFC 7950 on this case; mark it 'agrees' in cases.tsv" + both);
            assertEquals(testCase.valid(), ours.isEmpty(), "our verdict contradicts RFC 7950: " + testCase.note()
                + both);
            return;
        }
        assertEquals(testCase.valid(), theirs.ok(),
            "yanglint's verdict is not the one the case was written for (" + testCase.note() + ")" + both);
        assertEquals(theirs.ok(), ours.isEmpty(), "our verdict differs from yanglint's" + both);
        for (Yanglint.LibyangError error : theirs.errors()) {
            final Optional<String> appTag = models.appTags().of(error);
            if (appTag.isPresent()) {
                assertTrue(ours.stream().anyMatch(e -> e.appTag().equals(appTag)),
                    "yanglint's error stands for error-app-tag " + appTag.orElseThrow() + ", ours have none" + both);
            }
        }
        assertEquals(theirs.ok(), theirs.errors().isEmpty(), "yanglint's output was not understood" + both);
    }

    @Test
    void tableCoversEveryConstraintKindWithValidAndInvalidDocuments() throws IOException {
        final List<DifferentialCase> cases = cases();
        assertTrue(cases.size() >= 40, "only " + cases.size() + " cases");
        assertTrue(cases.stream().filter(c -> c.models() == DifferentialCase.Models.PROJECT).count() >= 10,
            "fewer than 10 cases on the project's models");
        final Set<String> unknown = cases.stream().flatMap(c -> c.constraints().stream())
            .filter(k -> !CONSTRAINT_KINDS.contains(k)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, "constraint kinds outside the list");
        for (boolean valid : List.of(true, false)) {
            final Set<String> missing = new TreeSet<>(CONSTRAINT_KINDS);
            cases.stream().filter(c -> c.valid() == valid).forEach(c -> missing.removeAll(c.constraints()));
            assertEquals(Set.of(), missing, "kinds without a " + (valid ? "valid" : "invalid") + " document");
        }
        assertTrue(cases.stream().filter(DifferentialCase::yanglintWrong).count() <= MAX_YANGLINT_WRONG,
            "more than " + MAX_YANGLINT_WRONG + " cases where yanglint is taken to be wrong");
    }

    @Test
    void tableListsEveryDocumentOnce() throws IOException {
        final List<String> listed = cases().stream().map(DifferentialCase::file).toList();
        assertEquals(listed.size(), Set.copyOf(listed).size(), "a document is listed twice");
        final Set<String> present;
        try (Stream<Path> files = Files.walk(CASES)) {
            present = files.filter(Files::isRegularFile).map(p -> CASES.relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toSet());
        }
        assertEquals(present, Set.copyOf(listed));
    }

    /** Our errors for a document: the codec's refusal, or the validator's findings. */
    private static List<ValidationError> validate(final ModelSet models, final Path document) throws IOException {
        try (Reader in = Files.newBufferedReader(document)) {
            return models.validator().validate(models.codec().read(in, DocumentFormat.ofFileName(document)))
                .errors();
        } catch (DocumentException e) {
            return List.of(e.error());
        }
    }

    private static Path fixtures() {
        try {
            return Path.of(DifferentialValidationTest.class.getResource("/differential").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.YangModels;
import org.sdqkd.yang.ExampleManifest;
import org.sdqkd.yang.ModelFiles;

/**
 * Our validation of the shared example documents agrees with libyang's verdicts in the manifest: every
 * valid example is valid, every invalid one is rejected with an error at the path libyang names.
 */
class ExampleValidationTest {
    private static final EffectiveModelContext MODELS = YangModels.projectModels();
    private static final YangInstanceDocuments CODEC = new YangInstanceDocuments(MODELS);
    private static final DataTreeValidator VALIDATOR = new DataTreeValidator(MODELS);

    static List<Path> validExamples() {
        return ModelFiles.validExamples();
    }

    static List<ExampleManifest.Entry> invalidExamples() throws IOException {
        return ExampleManifest.load(ModelFiles.invalidExamplesDir()).entries();
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void validExampleIsValid(final Path example) throws IOException {
        assertEquals(List.of(), errorsOf(example));
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void invalidExampleIsRejectedAtLibyangsPath(final ExampleManifest.Entry entry) throws IOException {
        final List<ValidationError> errors = errorsOf(ModelFiles.invalidExamplesDir().resolve(entry.file()));
        assertFalse(errors.isEmpty(), entry.file() + " was accepted");
        final String expected = comparable(entry.path());
        assertTrue(errors.stream().anyMatch(e -> {
            final String ours = comparable(e.path());
            // libyang names the parent of an unknown element; we name the element itself
            return ours.equals(expected) || e.tag().equals(ErrorTag.UNKNOWN_ELEMENT)
                && ours.startsWith(expected + "/") && ours.indexOf('/', expected.length() + 1) < 0;
        }), () -> "expected an error at " + entry.path() + ", got " + errors);
    }

    private static List<ValidationError> errorsOf(final Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return VALIDATOR.validate(CODEC.read(in, DocumentFormat.ofFileName(file))).errors();
        } catch (DocumentException e) {
            return List.of(e.error());
        }
    }

    /**
     * A path without list predicates and without the choice and case names that libyang puts into schema
     * locations, so that libyang's paths of missing nodes compare with our data paths.
     */
    private static String comparable(final String path) {
        final Set<String> choicesAndCases = choiceAndCaseNames(MODELS, new HashSet<>());
        return Stream.of(path.replaceAll("\\[[^]]*]", "").split("/"))
            .filter(step -> !step.isEmpty() && !choicesAndCases.contains(step))
            .collect(Collectors.joining("/", "/", ""));
    }

    private static Set<String> choiceAndCaseNames(final DataNodeContainer container, final Set<String> names) {
        for (DataSchemaNode child : container.getChildNodes()) {
            if (child instanceof ChoiceSchemaNode choice) {
                names.add(choice.getQName().getLocalName());
                for (CaseSchemaNode caseNode : choice.getCases()) {
                    names.add(caseNode.getQName().getLocalName());
                    choiceAndCaseNames(caseNode, names);
                }
            } else if (child instanceof DataNodeContainer nested) {
                choiceAndCaseNames(nested, names);
            }
        }
        return names;
    }
}

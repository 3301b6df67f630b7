package org.sdqkd.features;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DataValidator;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.InstanceDocumentCodec;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.api.ValidationResult;
import org.sdqkd.datastore.YangModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdqkd validate FILE...}: validates YANG instance documents against the project's models with
 * the datastore's validation. Exit status 0 when every file is valid, 1 when any is not, 2 on usage
 * errors.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {
        "Validate YANG instance documents (XML or JSON, by file extension) against sdqkd's models.",
        "A document holds one or more top-level data nodes, configuration and state.",
        "Each error is printed as FILE: PATH: MESSAGE (error-tag[, error-app-tag])."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:every document is valid", "1:a document is invalid", "2:usage error or unreadable file" })
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Instance documents, *.xml or *.json.")
    private List<Path> files;

    @Option(names = { "-q", "--quiet" }, description = "Print only errors, not the names of valid files.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final EffectiveModelContext models = YangModels.projectModels();
        final InstanceDocumentCodec codec = YangModels.documentCodec(models);
        final DataValidator validator = YangModels.validator(models);
        int status = 0;
        for (Path file : files) {
            final List<ValidationError> errors;
            try {
                errors = validate(file, codec, validator);
            } catch (IOException | IllegalArgumentException e) {
                err.printf("%s: cannot read: %s%n", file, e.getMessage());
                status = Math.max(status, 2);
                continue;
            }
            if (errors.isEmpty()) {
                if (!quiet) {
                    out.printf("%s: valid%n", file);
                }
            } else {
                errors.forEach(e -> err.printf("%s: %s%n", file, e));
                status = Math.max(status, 1);
            }
        }
        out.flush();
        err.flush();
        return status;
    }

    private static List<ValidationError> validate(final Path file, final InstanceDocumentCodec codec,
            final DataValidator validator) throws IOException {
        final DocumentFormat format = DocumentFormat.ofFileName(file);
        final ContainerNode data;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            data = codec.read(in, format);
        } catch (DocumentException e) {
            return List.of(e.error());
        }
        final ValidationResult result = validator.validate(data);
        return result.errors();
    }
}

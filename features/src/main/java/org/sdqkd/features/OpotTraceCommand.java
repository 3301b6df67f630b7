package org.sdqkd.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sdqkd.opot.api.TraceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sdqkd opot trace FILE.json}: runs a trace of OPoT test vectors (scheme, links' masks, packets with their
 * routes, tampering and verifier keys) and prints each packet's hops, final CML and verdict as JSON.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = {
        "Run OPoT test vectors: prints {\"packets\": [{\"hops\": [{\"node\", \"cml\", \"wire_hex\"}...],"
            + " \"final_cml\", \"valid\"}]} on standard output.",
        "The input names p, field_bits, secret, lpc, share, links, masking, out_of_range and packets (see the opot"
            + " module's README)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = { "0:the trace ran", "2:usage error, unreadable file or invalid trace" })
final class OpotTraceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.json", description = "The trace (- for standard input).")
    private String file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter err = spec.commandLine().getErr();
        final ObjectMapper mapper = new ObjectMapper();
        final JsonNode input;
        try {
            input = "-".equals(file) ? mapper.readTree(System.in) : mapper.readTree(Files.readString(Path.of(file)));
        } catch (JsonProcessingException e) {
            return fail(err, file + ": not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return fail(err, file + ": cannot read: " + e.getMessage());
        }
        if (input == null || input.isMissingNode()) {
            return fail(err, file + ": empty");
        }
        try {
            final PrintWriter out = spec.commandLine().getOut();
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(new TraceRunner().run(input)));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            return fail(err, file + ": " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static int fail(final PrintWriter err, final String message) {
        err.println("sdqkd opot trace: " + message);
        err.flush();
        return 2;
    }
}

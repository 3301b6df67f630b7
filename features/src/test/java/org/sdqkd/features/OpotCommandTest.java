package org.sdqkd.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OpotCommandTest {
    /** The paper's example (issue 17): 4 nodes, shares as P1 + P2, one packet in order and one skipping node 3. */
    private static final String PAPER = """
        {"p": "4111484371", "field_bits": 32, "secret": "1507514772",
         "lpc": ["3959207178", "316268028", "1065940351", "2881553186"],
         "share": ["2810805514", "2848220586", "5833189", "2839607508"],
         "links": [{"key_rnd": "0xfa85c6ff", "key_cml": "0xe4ce0f7d"},
                   {"key_rnd": "0xe6e3d5b5", "key_cml": "0x591e0d66"},
                   {"key_rnd": "0x93d692de", "key_cml": "0x1f0f6768"}],
         "masking": true, "out_of_range": "reduce",
         "packets": [{"rnd": "3676778149", "route": [1, 2, 3, 4]}, {"rnd": "3676778149", "route": [1, 2, 4]}]}
        """;

    private record Run(int status, String out, String err) {
    }

    private static Run run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine line = new CommandLine(new Main());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        final int status = line.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void tracePrintsThePapersHopsAndVerdicts(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("paper.json");
        Files.writeString(file, PAPER);
        final Run run = run("opot", "trace", file.toString());
        assertEquals(0, run.status(), run.err());
        final JsonNode packets = new ObjectMapper().readTree(run.out()).get("packets");
        final JsonNode hops = packets.get(0).get("hops");
        assertEquals("03ebdb3821a2e85a", hops.get(0).get("wire_hex").asText());
        assertEquals("f59796d63dc4fb10", hops.get(1).get("wire_hex").asText());
        assertEquals("34e7a23d48f1bc7b", hops.get(2).get("wire_hex").asText());
        assertEquals(Long.toString(0x3ff1c266L), packets.get(0).get("final_cml").asText());
        assertTrue(packets.get(0).get("valid").booleanValue());
        assertEquals(false, packets.get(1).get("valid").booleanValue());
    }

    @Test
    void traceNamesWhatIsWrongAndExits2(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("bad.json");
        Files.writeString(file, PAPER.replace("\"field_bits\": 32", "\"field_bits\": 16"));
        final Run bad = run("opot", "trace", file.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("p/field_bits: field bits must be 32 or 64, not 16"), bad.err());
        final Run missing = run("opot", "trace", dir.resolve("none.json").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("cannot read"), missing.err());
    }

    @Test
    void attackBreaksPlainPotAndNotOpot() {
        final Run run = run("opot", "attack", "--primes", "1048573", "--schemes", "1", "--streams", "2",
            "--paper-budget", "20000");
        assertEquals(0, run.status(), run.err());
        final String[] lines = run.out().split("\n");
        final String broken = "models 2/2; forgeries accepted 40/40";
        assertTrue(lines[2].contains("paper's") && lines[2].contains(broken), run.out());
        assertTrue(lines[3].contains("smarter") && lines[3].contains(broken), run.out());
        assertTrue(lines[4].contains("OPoT") && lines[4].contains("models 0/2; forgeries accepted 0/"), run.out());
        assertTrue(lines[5].contains("OPoT") && lines[5].contains("models 0/2; forgeries accepted 0/40"), run.out());
    }
}

package org.sdqkd.opot.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace runner against the independent Python implementation of src/test/python/opot_trace.py, on random
 * schemes: k = 2 to 8, primes of 31 to 64 bits, with and without a secret, both range rules, masking on and off, and
 * packets in order, skipping, swapped, tampered, with wrong verifier keys and not ending at node k.
 */
class TraceCrossCheckTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path PYTHON = Path.of("src/test/python/opot_trace.py");

    @Test
    @DisplayName("issue 17: the trace runner agrees with an independent implementation on random schemes")
    void agreesWithTheIndependentImplementation(@TempDir final Path dir) throws IOException, InterruptedException {
        final Random random = new Random(17);
        final List<Path> files = new ArrayList<>();
        final List<JsonNode> javaResults = new ArrayList<>();
        for (int round = 0; round < 28; round++) {
            final ObjectNode trace = randomTrace(random, 2 + round % 7, 31 + round * 33 / 27, round);
            final Path file = dir.resolve("trace-" + round + ".json");
            Files.writeString(file, MAPPER.writeValueAsString(trace), StandardCharsets.UTF_8);
            files.add(file);
            javaResults.add(new TraceRunner().run(trace));
        }
        final JsonNode pythonResults = runPython(dir, files);
        assertEquals(files.size(), pythonResults.size());
        int valid = 0;
        int invalid = 0;
        for (int round = 0; round < files.size(); round++) {
            final JsonNode java = javaResults.get(round).get("packets");
            final JsonNode python = pythonResults.get(round).get("packets");
            assertEquals(python.size(), java.size());
            for (int n = 0; n < java.size(); n++) {
                assertEquals(python.get(n), java.get(n), "trace " + files.get(round).getFileName() + ", packet " + n);
                if (java.get(n).get("valid").booleanValue()) {
                    valid++;
                } else {
                    invalid++;
                }
            }
        }
        assertTrue(valid > 100 && invalid > 100, valid + " valid and " + invalid + " invalid packets");
    }

    private static JsonNode runPython(final Path dir, final List<Path> traces) throws IOException,
            InterruptedException {
        final List<String> command = new ArrayList<>(List.of("python3", PYTHON.toString()));
        traces.forEach(t -> command.add(t.toString()));
        final Path out = dir.resolve("out.json");
        final Process process = new ProcessBuilder(command)
            .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "python3 finished");
        assertEquals(0, process.exitValue(), "python3's exit status");
        return MAPPER.readTree(out.toFile());
    }

    static ObjectNode randomTrace(final Random random, final int k, final int bits, final int round) {
        final PrimeField field = PrimeField.random(bits, random);
        final Scheme scheme = Scheme.generate(k, field, round % 2 == 0, random);
        final ObjectNode trace = MAPPER.createObjectNode();
        trace.put("p", field.prime().toString());
        trace.put("field_bits", field.fieldBits());
        trace.put("secret", Long.toUnsignedString(scheme.secret()));
        final ArrayNode lpc = trace.putArray("lpc");
        final ArrayNode share = trace.putArray("share");
        for (int i = 1; i <= k; i++) {
            lpc.add(Long.toUnsignedString(scheme.node(i).lpc()));
            share.add(Long.toUnsignedString(scheme.node(i).share()));
        }
        final boolean masking = round % 5 != 4;
        trace.put("masking", masking);
        final ArrayNode links = trace.putArray("links");
        for (int i = 1; i < k; i++) {
            addKeys(links.addObject(), field, random);
        }
        trace.put("out_of_range", round % 3 == 0 ? "reject" : "reduce");
        final ArrayNode packets = trace.putArray("packets");
        for (int n = 0; n < 16; n++) {
            final ObjectNode packet = packets.addObject();
            packet.put("rnd", Long.toUnsignedString(field.random(random)));
            final List<Integer> route = new ArrayList<>();
            for (int i = 1; i <= k; i++) {
                route.add(i);
            }
            switch (n % 8) {
                case 1 -> route.remove(1 + random.nextInt(Math.max(1, k - 2)));
                case 2 -> {
                    if (k > 3) {
                        final int at = 1 + random.nextInt(k - 3);
                        Collections.swap(route, at, at + 1);
                    } else {
                        Collections.swap(route, 0, 1);
                    }
                }
                case 3 -> {
                    final ObjectNode tamper = packet.putArray("tamper").addObject();
                    tamper.put("after_hop", 1 + random.nextInt(k - 1));
                    tamper.put("field", random.nextBoolean() ? "cml" : "rnd");
                    tamper.put("bit", random.nextInt(field.fieldBits()));
                }
                case 4 -> addKeys(packet.putObject("verifier_keys"), field, random);
                case 5 -> route.remove(route.size() - 1);
                case 6 -> {
                    Collections.shuffle(route, random);
                }
                default -> {
                }
            }
            final ArrayNode routeNode = packet.putArray("route");
            route.forEach(routeNode::add);
        }
        return trace;
    }

    private static void addKeys(final ObjectNode keys, final PrimeField field, final Random random) {
        keys.put("key_rnd", Long.toUnsignedString(random.nextLong() & field.widthMask()));
        keys.put("key_cml", Long.toUnsignedString(random.nextLong() & field.widthMask()));
    }
}

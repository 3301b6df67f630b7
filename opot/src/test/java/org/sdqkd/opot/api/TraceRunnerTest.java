package org.sdqkd.opot.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraceRunnerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The paper's example as a trace, with a second packet that skips node 3. */
    static ObjectNode paperTrace() {
        final ObjectNode trace = MAPPER.createObjectNode();
        trace.put("p", "4111484371");
        trace.put("field_bits", 32);
        trace.put("secret", Long.toString(PaperExampleTest.SECRET));
        final ArrayNode lpc = trace.putArray("lpc");
        final ArrayNode share = trace.putArray("share");
        final Scheme scheme = PaperExampleTest.scheme();
        for (int i = 1; i <= 4; i++) {
            lpc.add(Long.toString(scheme.node(i).lpc()));
            share.add(Long.toString(scheme.node(i).share()));
        }
        final ArrayNode links = trace.putArray("links");
        for (long[] link : PaperExampleTest.LINKS) {
            links.addObject().put("key_rnd", Long.toString(link[0])).put("key_cml", Long.toString(link[1]));
        }
        trace.put("masking", true);
        trace.put("out_of_range", "reduce");
        final ArrayNode packets = trace.putArray("packets");
        final ObjectNode first = packets.addObject().put("rnd", Long.toString(PaperExampleTest.RND));
        first.putArray("route").add(1).add(2).add(3).add(4);
        final ObjectNode skip = packets.addObject().put("rnd", Long.toString(PaperExampleTest.RND));
        skip.putArray("route").add(1).add(2).add(4);
        return trace;
    }

    @Test
    @DisplayName("issue 17: the trace of the paper's example gives its CMLs and wire values")
    void tracesThePapersExample() {
        final JsonNode result = new TraceRunner().run(paperTrace());
        final JsonNode packet = result.get("packets").get(0);
        for (int i = 0; i < 4; i++) {
            final JsonNode hop = packet.get("hops").get(i);
            assertEquals(Integer.toString(i + 1), hop.get("node").asText());
            assertEquals(Long.toString(PaperExampleTest.CML[i]), hop.get("cml").asText());
            if (i < 3) {
                assertEquals(String.format("%08x%08x", PaperExampleTest.SENT[i][0], PaperExampleTest.SENT[i][1]),
                    hop.get("wire_hex").asText());
            } else {
                assertFalse(hop.has("wire_hex"), "the verifier sends nothing");
            }
        }
        assertEquals(Long.toString(PaperExampleTest.CML[3]), packet.get("final_cml").asText());
        assertTrue(packet.get("valid").booleanValue());
        assertFalse(result.get("packets").get(1).get("valid").booleanValue(), "node 3 skipped");
    }

    @Test
    void plainPotAcceptsWhatMaskingRefuses() {
        final ObjectNode trace = paperTrace();
        trace.put("masking", false);
        trace.remove("links");
        final JsonNode result = new TraceRunner().run(trace);
        assertTrue(result.get("packets").get(0).get("valid").booleanValue());
        assertEquals(String.format("%08x%08x", PaperExampleTest.CML[0], PaperExampleTest.RND),
            result.get("packets").get(0).get("hops").get(0).get("wire_hex").asText());
    }

    @Test
    void rejectRuleStopsThePacketAtTheNodeThatDecryptsAValueAboveP() {
        for (String range : new String[] {"reject", "reduce"}) {
            final ObjectNode trace = paperTrace();
            trace.put("out_of_range", range);
            final ObjectNode packet = trace.putArray("packets").addObject();
            packet.put("rnd", Long.toString(PaperExampleTest.RND));
            packet.putArray("route").add(1).add(2).add(3).add(4);
            // RND 0xdb272ea5 with bit 29 set is 0xfb272ea5, above p = 0xf50fc3d3
            packet.putArray("tamper").addObject().put("after_hop", 1).put("field", "rnd").put("bit", 29);
            final JsonNode result = new TraceRunner().run(trace).get("packets").get(0);
            assertFalse(result.get("valid").booleanValue());
            if (range.equals("reject")) {
                assertEquals("2", result.get("rejected_at").asText());
                assertEquals(1, result.get("hops").size());
                assertEquals(Long.toString(PaperExampleTest.CML[0]), result.get("final_cml").asText());
            } else {
                assertFalse(result.has("rejected_at"));
                assertEquals(4, result.get("hops").size());
            }
        }
    }

    @Test
    void namesTheKeyAtFault() {
        final ObjectNode trace = paperTrace();
        trace.put("secret", "4111484371");
        assertEquals("secret: below p expected",
            assertThrows(IllegalArgumentException.class, () -> new TraceRunner().run(trace)).getMessage());
        final ObjectNode noLinks = paperTrace();
        noLinks.remove("links");
        assertEquals("links: missing",
            assertThrows(IllegalArgumentException.class, () -> new TraceRunner().run(noLinks)).getMessage());
        final ObjectNode badRoute = paperTrace();
        ((ObjectNode) badRoute.get("packets").get(0)).putArray("route").add(5);
        assertEquals("packets/0/route/0: a node number 1 to 4 expected",
            assertThrows(IllegalArgumentException.class, () -> new TraceRunner().run(badRoute)).getMessage());
    }
}

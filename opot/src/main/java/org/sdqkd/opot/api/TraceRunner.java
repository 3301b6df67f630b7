package org.sdqkd.opot.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Runs test vectors through the scheme, hop by hop, as the data plane would: the trace behind
 * {@code sdqkd opot trace FILE.json}. The first node of a route starts the packet (CML 0, RND in clear); every later
 * node unmasks with the masks of the link from its predecessor in the scheme (node k with the packet's
 * {@code verifier_keys} when given; node 1, which has no predecessor, reads the values as they arrive), applies the
 * out-of-range rule, updates CML with its share, and masks with the link to its successor (node k, which has none,
 * sends the values in clear). Node k as the last hop verifies and sends nothing. A route that does not end at node
 * k is invalid; a packet refused by the {@code reject} rule stops there, names the node in {@code rejected_at} and
 * keeps as {@code final_cml} the last CML computed.
 */
public final class TraceRunner {
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Runs a trace.
     *
     * @param input the trace's JSON
     * @return {@code {"packets": [{"hops": [{"node", "cml", "wire_hex"}...], "final_cml", "valid"}]}}, integers as
     *     decimal strings
     * @throws IllegalArgumentException naming the key at fault in the input
     */
    public ObjectNode run(final JsonNode input) {
        final TraceSpec spec = TraceSpec.read(input);
        final ObjectNode result = mapper.createObjectNode();
        final ArrayNode packets = result.putArray("packets");
        for (TraceSpec.Packet packet : spec.packets()) {
            packets.add(run(spec, packet));
        }
        return result;
    }

    private ObjectNode run(final TraceSpec spec, final TraceSpec.Packet packet) {
        final Scheme scheme = spec.scheme();
        final PrimeField field = scheme.field();
        final int k = scheme.size();
        final List<Integer> route = packet.route();
        final ObjectNode out = mapper.createObjectNode();
        final ArrayNode hops = out.putArray("hops");
        long cml = 0;
        long rnd = packet.rnd();
        long wireCml = 0;
        long wireRnd = 0;
        boolean rejected = false;
        for (int j = 0; j < route.size(); j++) {
            final int node = route.get(j);
            if (j > 0) {
                final LinkMasks in = inbound(spec, packet, node);
                try {
                    final long clearCml = TransitNode.inRange(field, spec.rule(), wireCml ^ in.keyCml(), "CML");
                    rnd = TransitNode.inRange(field, spec.rule(), wireRnd ^ in.keyRnd(), "RND");
                    cml = clearCml;
                } catch (Rejection e) {
                    out.put("rejected_at", Integer.toString(node));
                    rejected = true;
                    break;
                }
            } else {
                cml = 0;
            }
            cml = scheme.node(node).update(cml, rnd);
            final ObjectNode hop = hops.addObject();
            hop.put("node", Integer.toString(node));
            hop.put("cml", Long.toUnsignedString(cml));
            if (j < route.size() - 1 || node != k) {
                final LinkMasks outMasks = node < k ? spec.links().get(node - 1) : LinkMasks.of(field, 0, 0);
                wireCml = cml ^ outMasks.keyCml();
                wireRnd = rnd ^ outMasks.keyRnd();
                hop.put("wire_hex", hex(field, wireCml) + hex(field, wireRnd));
                for (TraceSpec.Tamper tamper : packet.tampers()) {
                    if (tamper.afterHop() == j + 1) {
                        if (tamper.cml()) {
                            wireCml ^= 1L << tamper.bit();
                        } else {
                            wireRnd ^= 1L << tamper.bit();
                        }
                    }
                }
            }
        }
        out.put("final_cml", Long.toUnsignedString(cml));
        out.put("valid", !rejected && route.get(route.size() - 1) == k && cml == scheme.expected(rnd));
        return out;
    }

    private static LinkMasks inbound(final TraceSpec spec, final TraceSpec.Packet packet, final int node) {
        final PrimeField field = spec.scheme().field();
        if (node == 1) {
            return LinkMasks.of(field, 0, 0);
        }
        if (node == spec.scheme().size() && packet.verifierKeys() != null && spec.masking()) {
            return packet.verifierKeys();
        }
        return spec.links().get(node - 2);
    }

    private static String hex(final PrimeField field, final long value) {
        final String digits = Long.toHexString(value);
        return "0".repeat(field.fieldBytes() * 2 - digits.length()) + digits;
    }
}

package org.sdqkd.opot.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The input of the trace runner, read from its JSON and checked: the scheme ({@code p}, {@code field_bits},
 * {@code secret}, {@code lpc}, {@code share}), the links' masks, {@code masking}, {@code out_of_range} and the
 * packets. Integers are decimal strings (JSON numbers and {@code 0x} hex strings are accepted too). Every error names
 * the key at fault.
 *
 * @param scheme     the scheme
 * @param links      the masks of link i (node i to node i+1) at index i-1; zero masks when masking is off
 * @param masking    whether hops mask (false: plain PoT)
 * @param rule       the out-of-range rule
 * @param packets    the packets
 */
public record TraceSpec(Scheme scheme, List<LinkMasks> links, boolean masking, OutOfRange rule,
        List<Packet> packets) {

    /**
     * A bit flipped on the wire after a hop.
     *
     * @param afterHop the hop of the route (1-based) after which the bit flips
     * @param cml      whether the field is CML (else RND)
     * @param bit      the bit, 0 the least significant
     */
    public record Tamper(int afterHop, boolean cml, int bit) {
    }

    /**
     * A packet of the trace.
     *
     * @param rnd          its random number
     * @param route        the nodes (1-based) that handle it, in order
     * @param tampers      bits flipped on the wire
     * @param verifierKeys the masks node k unmasks with instead of its own, or null
     */
    public record Packet(long rnd, List<Integer> route, List<Tamper> tampers, LinkMasks verifierKeys) {
        /**
         * Copies the lists.
         *
         * @param rnd          its random number
         * @param route        the nodes that handle it
         * @param tampers      bits flipped on the wire
         * @param verifierKeys the verifier's masks, or null
         */
        public Packet {
            route = List.copyOf(route);
            tampers = List.copyOf(tampers);
        }
    }

    /**
     * Copies the lists.
     *
     * @param scheme  the scheme
     * @param links   the masks of the links
     * @param masking whether hops mask
     * @param rule    the out-of-range rule
     * @param packets the packets
     */
    public TraceSpec {
        links = List.copyOf(links);
        packets = List.copyOf(packets);
    }

    /**
     * Reads and checks a trace.
     *
     * @param root the JSON object
     * @return the trace
     * @throws IllegalArgumentException naming the key at fault
     */
    public static TraceSpec read(final JsonNode root) {
        require(root.isObject(), "", "an object");
        final int bits = (int) number(field(root, "field_bits"), "field_bits").longValueExact();
        final PrimeField field;
        try {
            field = PrimeField.of(number(field(root, "p"), "p"), bits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("p/field_bits: " + e.getMessage(), e);
        }
        final long secret = element(field, field(root, "secret"), "secret");
        final JsonNode lpc = array(root, "lpc");
        final JsonNode share = array(root, "share");
        require(lpc.size() == share.size() && lpc.size() >= 2, "lpc/share", "as many LPCs as shares, at least 2");
        final int k = lpc.size();
        final long[] lpcs = new long[k];
        final long[] shares = new long[k];
        for (int i = 0; i < k; i++) {
            lpcs[i] = element(field, lpc.get(i), "lpc/" + i);
            shares[i] = element(field, share.get(i), "share/" + i);
        }
        final JsonNode maskingNode = field(root, "masking");
        require(maskingNode.isBoolean(), "masking", "true or false");
        final boolean masking = maskingNode.booleanValue();
        final List<LinkMasks> links = new ArrayList<>();
        if (masking || root.has("links")) {
            final JsonNode linksNode = array(root, "links");
            require(linksNode.size() == k - 1, "links", (k - 1) + " links for " + k + " nodes");
            for (int i = 0; i < k - 1; i++) {
                links.add(masks(field, linksNode.get(i), "links/" + i));
            }
        }
        if (!masking) {
            links.clear();
            for (int i = 0; i < k - 1; i++) {
                links.add(LinkMasks.of(field, 0, 0));
            }
        }
        final String range = root.path("out_of_range").asText("reduce");
        require(range.equals("reduce") || range.equals("reject"), "out_of_range", "reduce or reject");
        final List<Packet> packets = new ArrayList<>();
        final JsonNode packetsNode = array(root, "packets");
        for (int i = 0; i < packetsNode.size(); i++) {
            packets.add(packet(field, k, packetsNode.get(i), "packets/" + i));
        }
        return new TraceSpec(Scheme.of(field, secret, shares, lpcs), links, masking,
            range.equals("reduce") ? OutOfRange.REDUCE : OutOfRange.REJECT, packets);
    }

    private static Packet packet(final PrimeField field, final int k, final JsonNode node, final String path) {
        require(node.isObject(), path, "an object");
        final long rnd = element(field, field(node, "rnd", path), path + "/rnd");
        final JsonNode routeNode = array(node, "route", path);
        require(!routeNode.isEmpty(), path + "/route", "at least one node");
        final List<Integer> route = new ArrayList<>();
        for (int i = 0; i < routeNode.size(); i++) {
            final JsonNode n = routeNode.get(i);
            require(n.canConvertToInt() && n.intValue() >= 1 && n.intValue() <= k, path + "/route/" + i,
                "a node number 1 to " + k);
            route.add(n.intValue());
        }
        final List<Tamper> tampers = new ArrayList<>();
        if (node.has("tamper")) {
            final JsonNode tamperNode = array(node, "tamper", path);
            for (int i = 0; i < tamperNode.size(); i++) {
                final String at = path + "/tamper/" + i;
                final JsonNode t = tamperNode.get(i);
                final int after = (int) number(field(t, "after_hop", at), at + "/after_hop").longValueExact();
                require(after >= 1 && after < route.size(), at + "/after_hop", "1 to " + (route.size() - 1));
                final String which = field(t, "field", at).asText();
                require(which.equals("cml") || which.equals("rnd"), at + "/field", "cml or rnd");
                final int bit = (int) number(field(t, "bit", at), at + "/bit").longValueExact();
                require(bit >= 0 && bit < field.fieldBits(), at + "/bit", "0 to " + (field.fieldBits() - 1));
                tampers.add(new Tamper(after, which.equals("cml"), bit));
            }
        }
        final LinkMasks verifierKeys = node.has("verifier_keys")
            ? masks(field, node.get("verifier_keys"), path + "/verifier_keys") : null;
        return new Packet(rnd, route, tampers, verifierKeys);
    }

    private static LinkMasks masks(final PrimeField field, final JsonNode node, final String path) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(path + ": an object with key_rnd and key_cml expected");
        }
        final BigInteger rnd = number(field(node, "key_rnd", path), path + "/key_rnd");
        final BigInteger cml = number(field(node, "key_cml", path), path + "/key_cml");
        require(rnd.bitLength() <= field.fieldBits(), path + "/key_rnd", "at most " + field.fieldBits() + " bits");
        require(cml.bitLength() <= field.fieldBits(), path + "/key_cml", "at most " + field.fieldBits() + " bits");
        return LinkMasks.of(field, rnd.longValue(), cml.longValue());
    }

    private static long element(final PrimeField field, final JsonNode node, final String path) {
        final BigInteger value = number(node, path);
        require(value.compareTo(field.prime()) < 0, path, "below p");
        return value.longValue();
    }

    private static BigInteger number(final JsonNode node, final String path) {
        final BigInteger value;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else if (node.isTextual()) {
            final String text = node.textValue().trim();
            try {
                value = text.startsWith("0x") || text.startsWith("0X") ? new BigInteger(text.substring(2), 16)
                    : new BigInteger(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + ": not an integer: \"" + text + "\"", e);
            }
        } else {
            throw new IllegalArgumentException(path + ": an integer (a decimal string) expected");
        }
        require(value.signum() >= 0, path, "not negative");
        return value;
    }

    private static JsonNode field(final JsonNode node, final String name) {
        return field(node, name, "");
    }

    private static JsonNode field(final JsonNode node, final String name, final String path) {
        final JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException((path.isEmpty() ? "" : path + "/") + name + ": missing");
        }
        return value;
    }

    private static JsonNode array(final JsonNode node, final String name) {
        return array(node, name, "");
    }

    private static JsonNode array(final JsonNode node, final String name, final String path) {
        final JsonNode value = field(node, name, path);
        require(value.isArray(), (path.isEmpty() ? "" : path + "/") + name, "an array");
        return value;
    }

    private static void require(final boolean condition, final String path, final String expected) {
        if (!condition) {
            throw new IllegalArgumentException((path.isEmpty() ? "the trace" : path) + ": " + expected + " expected");
        }
    }
}

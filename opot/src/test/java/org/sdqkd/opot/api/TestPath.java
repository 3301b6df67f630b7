package org.sdqkd.opot.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A whole OPoT path in memory: the ingress, the transit nodes, the verifier, and the links' masks by epoch. */
final class TestPath {
    final Scheme scheme;
    final PrimeField field;
    final List<MaskRing> links = new ArrayList<>();
    final List<ProfilePair> profiles = new ArrayList<>();
    final Ingress ingress;
    final List<TransitNode> transit = new ArrayList<>();
    final Verifier verifier;
    final MessageBinding binding;
    final OutOfRange rule;

    TestPath(final Scheme scheme, final Random random, final OutOfRange rule) {
        this.scheme = scheme;
        this.field = scheme.field();
        this.rule = rule;
        final int k = scheme.size();
        for (int i = 1; i < k; i++) {
            links.add(MaskRing.of(0, randomMasks(field, random)));
        }
        for (int i = 1; i <= k; i++) {
            final ProfilePair pair = new ProfilePair();
            pair.install(0, scheme.node(i), i == k ? scheme.secret() : 0);
            profiles.add(pair);
        }
        final byte[] key = new byte[32];
        random.nextBytes(key);
        binding = MessageBinding.of(key);
        ingress = new Ingress(field, 7, profiles.get(0), links.get(0), binding);
        for (int i = 2; i < k; i++) {
            transit.add(node(i, links.get(i - 2), links.get(i - 1)));
        }
        verifier = new Verifier(field, 7, profiles.get(k - 1), links.get(k - 2), rule, binding);
    }

    static LinkMasks randomMasks(final PrimeField field, final Random random) {
        return LinkMasks.of(field, random.nextLong() & field.widthMask(), random.nextLong() & field.widthMask());
    }

    /** Node i (2..k-1) wired to the given links. */
    TransitNode node(final int i, final MaskRing in, final MaskRing out) {
        return new TransitNode(field, profiles.get(i - 1), in, out, rule);
    }

    /** Sends a message through the transit nodes in the given order (node numbers 2..k-1), then verifies it. */
    byte[] send(final byte[] packet, final int... order) throws Rejection {
        for (int node : order) {
            transit.get(node - 2).transit(packet, 0, packet.length);
        }
        return verifier.verify(packet, 0, packet.length);
    }

    /** The transit nodes 2..k-1 in scheme order. */
    int[] inOrder() {
        final int[] order = new int[scheme.size() - 2];
        for (int i = 0; i < order.length; i++) {
            order[i] = i + 2;
        }
        return order;
    }
}

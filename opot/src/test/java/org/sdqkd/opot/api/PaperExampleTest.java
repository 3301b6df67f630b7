package org.sdqkd.opot.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The example of the published OPoT work (issue 17): 4 nodes, p = 4111484371. */
class PaperExampleTest {
    static final PrimeField FIELD = PrimeField.of(BigInteger.valueOf(4111484371L), 32);
    static final long SECRET = 1507514772L;
    static final long[] P1 = {636367073L, 560148219L, 360017364L, 2088721923L};
    static final long[] P2 = {2174438441L, 2288072367L, 3757300196L, 750885585L};
    static final long[] LPC = {3959207178L, 316268028L, 1065940351L, 2881553186L};
    static final long RND = 0xdb272ea5L;
    static final long[] CML = {0xe725d445L, 0xac899bb0L, 0x2be8c555L, 0x3ff1c266L};
    static final long[][] LINKS = {{0xfa85c6ffL, 0xe4ce0f7dL}, {0xe6e3d5b5L, 0x591e0d66L}, {0x93d692deL, 0x1f0f6768L}};
    static final long[][] SENT = {{0x03ebdb38L, 0x21a2e85aL}, {0xf59796d6L, 0x3dc4fb10L}, {0x34e7a23dL, 0x48f1bc7bL}};

    static Scheme scheme() {
        final long[] shares = new long[4];
        for (int i = 0; i < 4; i++) {
            shares[i] = FIELD.add(P1[i], P2[i]);
        }
        return Scheme.of(FIELD, SECRET, shares, LPC);
    }

    static LinkMasks link(final int i) {
        return LinkMasks.of(FIELD, LINKS[i - 1][0], LINKS[i - 1][1]);
    }

    @Test
    @DisplayName("issue 17: every CML, every masked value and the verdict of the paper's example")
    void reproducesEveryValue() {
        final Scheme scheme = scheme();
        long cml = 0;
        for (int i = 1; i <= 4; i++) {
            cml = scheme.node(i).update(cml, RND);
            assertEquals(CML[i - 1], cml, "CML after node " + i);
            if (i < 4) {
                assertEquals(SENT[i - 1][0], cml ^ link(i).keyCml(), "eCML on link " + i);
                assertEquals(SENT[i - 1][1], RND ^ link(i).keyRnd(), "eRND on link " + i);
            }
        }
        assertEquals(scheme.expected(RND), cml);
        assertEquals((SECRET + RND) % FIELD.p(), cml);
        assertEquals(1, Long.compareUnsigned(SENT[1][0], FIELD.p()), "0xf59796d6 is above p");
    }

    @Test
    @DisplayName("issue 17: the payload bytes of the paper's first packet after node 1")
    void encodesThePapersFirstPacket() {
        final byte[] message = "hello, my friend".getBytes(StandardCharsets.US_ASCII);
        final byte[] packet = new byte[WireFormat.headerLength(FIELD) + message.length];
        WireFormat.writeHeader(FIELD, packet, 0, 0x0a, SENT[0][0], SENT[0][1], WireFormat.seq(0, 0));
        System.arraycopy(message, 0, packet, 11, message.length);
        final byte[] expected = HexFormat.of().parseHex("060a03ebdb3821a2e85a00" + HexFormat.of().formatHex(message));
        assertArrayEquals(expected, packet);
        assertEquals(SENT[0][0], WireFormat.cml(FIELD, packet, 0));
        assertEquals(SENT[0][1], WireFormat.rnd(FIELD, packet, 0));
        assertEquals(0x0a, WireFormat.appId(packet, 0));
    }

    @Test
    @DisplayName("issue 17: transit nodes 2 and 3 turn the paper's packet on link 1 into those of links 2 and 3")
    void transitNodesProduceThePapersWire() throws Rejection {
        final Scheme scheme = scheme();
        final byte[] packet = new byte[WireFormat.headerLength(FIELD) + 5];
        WireFormat.writeHeader(FIELD, packet, 0, 0x0a, SENT[0][0], SENT[0][1], 0);
        for (int node = 2; node <= 3; node++) {
            new TransitNode(FIELD, ProfilePair.of(0, scheme.node(node)), MaskRing.of(0, link(node - 1)),
                MaskRing.of(0, link(node)), OutOfRange.REJECT).transit(packet, 0, packet.length);
            assertEquals(SENT[node - 1][0], WireFormat.cml(FIELD, packet, 0), "eCML on link " + node);
            assertEquals(SENT[node - 1][1], WireFormat.rnd(FIELD, packet, 0), "eRND on link " + node);
        }
    }
}

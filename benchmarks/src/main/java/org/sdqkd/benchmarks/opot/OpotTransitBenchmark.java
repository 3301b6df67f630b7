package org.sdqkd.benchmarks.opot;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sdqkd.opot.api.LinkMasks;
import org.sdqkd.opot.api.MaskRing;
import org.sdqkd.opot.api.OutOfRange;
import org.sdqkd.opot.api.PrimeField;
import org.sdqkd.opot.api.ProfilePair;
import org.sdqkd.opot.api.Rejection;
import org.sdqkd.opot.api.Scheme;
import org.sdqkd.opot.api.TransitNode;
import org.sdqkd.opot.api.WireFormat;

/**
 * The OPoT per-packet transit step on one core: a transit node's {@link TransitNode#transit} on one 1,500-byte UDP
 * payload, in place on its buffer (check the header, pick profile and masks by seq, unmask eCML and eRND, apply the
 * out-of-range rule, add the node's share, re-mask). 32- and 64-bit fields (the paper's prime and the largest 64-bit
 * prime). Throughput in packets per microsecond = Mpps.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class OpotTransitBenchmark {
    /** The payload's size: a 1,500-byte packet. */
    static final int PACKET = 1500;

    @Param({"32", "64"})
    public int fieldBits;

    private static final Random RANDOM = new SecureRandom();

    private TransitNode node;
    private byte[] packet;

    /** A 4-node scheme, node 2 of it, and one packet as node 1 sent it. */
    @Setup(Level.Trial)
    public void setUp() throws Rejection {
        final PrimeField field = fieldBits == 32 ? PrimeField.of(BigInteger.valueOf(4111484371L), 32)
            : PrimeField.of(new BigInteger("18446744073709551557"), 64);
        final Random random = RANDOM;
        final Scheme scheme = Scheme.generate(4, field, true, random);
        // the same masks on both links: each call unmasks and re-masks the same RND, so the packet stays valid for
        // the next call and every call does the whole step
        final LinkMasks masks = LinkMasks.of(field, random.nextLong() & field.widthMask(),
            random.nextLong() & field.widthMask());
        node = new TransitNode(field, ProfilePair.of(0, scheme.node(2)), MaskRing.of(0, masks), MaskRing.of(0, masks),
            OutOfRange.REJECT);
        packet = new byte[PACKET];
        random.nextBytes(packet);
        final long rnd = field.random(random);
        WireFormat.writeHeader(field, packet, 0, 10, scheme.node(1).update(0, rnd) ^ masks.keyCml(),
            rnd ^ masks.keyRnd(), WireFormat.seq(0, 0));
        node.transit(packet, 0, PACKET);
    }

    /**
     * One transit step.
     *
     * @return the packet (so that the step is not eliminated)
     * @throws Rejection never: the packet stays valid
     */
    @Benchmark
    public byte[] transit() throws Rejection {
        node.transit(packet, 0, PACKET);
        return packet;
    }
}

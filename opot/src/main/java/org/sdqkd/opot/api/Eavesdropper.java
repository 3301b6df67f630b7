package org.sdqkd.opot.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The attacker of the attack lab: reads (CML, RND) after each of hops 1 to k-1 of every packet (after masking, on
 * an OPoT path), and tries to recover p and, for each node j, the line {@code CML_j - CML_{j-1} = K_j + LPC_j * RND
 * mod p} (K<sub>j</sub> = LPC<sub>j</sub> * s<sub>j</sub>), from which it forges packets that skip nodes. Holds the
 * captured packets; a model is kept only if it predicts every one of them.
 */
final class Eavesdropper {
    /** A model of the scheme recovered from captured packets. */
    record Model(BigInteger p, BigInteger[] k, BigInteger[] lpc) {
    }

    private final int hops;
    private final List<long[]> cml = new ArrayList<>();
    private final List<Long> rnd = new ArrayList<>();
    private BigInteger largest = BigInteger.ZERO;

    Eavesdropper(final int hops) {
        this.hops = hops;
    }

    /** Captures a packet: its RND and its CML after hops 1 to {@code hops}, as read on the wire (unsigned). */
    int capture(final long packetRnd, final long[] packetCml) {
        rnd.add(packetRnd);
        cml.add(packetCml.clone());
        largest = largest.max(PrimeField.unsigned(packetRnd));
        for (long c : packetCml) {
            largest = largest.max(PrimeField.unsigned(c));
        }
        return rnd.size() - 1;
    }

    /** {@return the smallest prime above every value seen: the guess of p when nothing better is known} */
    BigInteger guessPrime() {
        return largest.nextProbablePrime();
    }

    int captured() {
        return rnd.size();
    }

    /** The integer difference CML_j - CML_{j-1} of a captured packet (j from 1, CML_0 = 0). */
    BigInteger delta(final int packet, final int hop) {
        final long[] c = cml.get(packet);
        return PrimeField.unsigned(c[hop - 1]).subtract(hop == 1 ? BigInteger.ZERO : PrimeField.unsigned(c[hop - 2]));
    }

    BigInteger rnd(final int packet) {
        return PrimeField.unsigned(rnd.get(packet));
    }

    /**
     * Multiples of p from three packets a, b, c: for each hop, (D_b - D_a)(R_c - R_a) - (D_c - D_a)(R_b - R_a),
     * where D is the hop's CML difference and R the RND: zero mod p on plain PoT.
     */
    BigInteger multiples(final int a, final int b, final int c, final BigInteger gcd) {
        BigInteger g = gcd;
        for (int j = 1; j <= hops; j++) {
            final BigInteger e = delta(b, j).subtract(delta(a, j)).multiply(rnd(c).subtract(rnd(a)))
                .subtract(delta(c, j).subtract(delta(a, j)).multiply(rnd(b).subtract(rnd(a))));
            g = g.gcd(e);
        }
        return g;
    }

    /**
     * p from a multiple of it: small factors are divided out while what remains is above every value seen.
     *
     * @return the candidate, or null when none is above every value seen
     */
    BigInteger candidate(final BigInteger multiple) {
        BigInteger g = multiple.abs();
        if (g.compareTo(largest) <= 0) {
            return null;
        }
        for (int q = 2; q < 1 << 12; q++) {
            final BigInteger bq = BigInteger.valueOf(q);
            while (g.mod(bq).signum() == 0 && g.divide(bq).compareTo(largest) > 0) {
                g = g.divide(bq);
            }
        }
        return g.bitLength() <= 64 && g.isProbablePrime(40) ? g : null;
    }

    /**
     * The model through packets a and b for a candidate p, if it predicts every captured packet.
     *
     * @return the model, or null when it fails on some captured packet
     */
    Model fit(final BigInteger p, final int a, final int b) {
        return fit(p, a, b, true);
    }

    /** The model through packets a and b for a candidate p, checked against every captured packet or not. */
    Model fit(final BigInteger p, final int a, final int b, final boolean validate) {
        final BigInteger dr = rnd(b).subtract(rnd(a)).mod(p);
        if (dr.signum() == 0) {
            return null;
        }
        final BigInteger inverse = dr.modInverse(p);
        final BigInteger[] lpc = new BigInteger[hops];
        final BigInteger[] k = new BigInteger[hops];
        for (int j = 1; j <= hops; j++) {
            lpc[j - 1] = delta(b, j).subtract(delta(a, j)).multiply(inverse).mod(p);
            k[j - 1] = delta(a, j).subtract(lpc[j - 1].multiply(rnd(a))).mod(p);
        }
        final Model model = new Model(p, k, lpc);
        for (int x = 0; validate && x < captured(); x++) {
            BigInteger sum = BigInteger.ZERO;
            for (int j = 1; j <= hops; j++) {
                sum = sum.add(k[j - 1]).add(lpc[j - 1].multiply(rnd(x))).mod(p);
                if (!sum.equals(PrimeField.unsigned(cml.get(x)[j - 1]))) {
                    return null;
                }
            }
        }
        return model;
    }

    /**
     * A forged CML for a packet read after hop 1, as node k would receive it from node k-1, skipping nodes 2 to
     * k-1: CML_1 plus the lines of nodes 2 to k-1 at its RND.
     */
    static long forge(final Model model, final long cml1, final long packetRnd) {
        BigInteger sum = PrimeField.unsigned(cml1);
        for (int j = 2; j <= model.k().length; j++) {
            sum = sum.add(model.k()[j - 1]).add(model.lpc()[j - 1].multiply(PrimeField.unsigned(packetRnd)));
        }
        return sum.mod(model.p()).longValue();
    }
}

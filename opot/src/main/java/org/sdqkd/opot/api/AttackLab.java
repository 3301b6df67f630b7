package org.sdqkd.opot.api;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The attack lab behind {@code sdqkd opot attack}: the published eavesdropping attack on plain proof of transit, on
 * 5 nodes, with an eavesdropper reading (CML, RND) after each of hops 1 to 4. The paper's attacker waits for two
 * packets whose RNDs differ by one (which gives each LPC<sub>j</sub> up to a multiple of p), recovers p as a gcd,
 * validates its model against every captured packet and forges a packet that skips nodes 2 to 4. A smarter attacker
 * needs no such pair: any three packets give, per hop, an integer multiple of p. Both then run against OPoT, where
 * they see only masked values.
 */
public final class AttackLab {
    private static final int NODES = 5;
    private static final int FORGERIES = 20;

    /**
     * What to run.
     *
     * @param primes       the primes to attack (each in the narrowest field that holds it)
     * @param schemes      random schemes per prime
     * @param streams      packet streams per scheme
     * @param paperBudget  the most packets the paper's attacker captures before giving up
     * @param smartBudget  the most packets the smarter attacker captures before giving up
     * @param seed         the seed of the runs (schemes, RNDs, masks)
     */
    public record Options(List<BigInteger> primes, int schemes, int streams, int paperBudget, int smartBudget,
            long seed) {
        /**
         * Checks the counts and copies the primes.
         *
         * @param primes      the primes
         * @param schemes     schemes per prime
         * @param streams     streams per scheme
         * @param paperBudget packets for the paper's attacker
         * @param smartBudget packets for the smarter attacker
         * @param seed        the seed
         */
        public Options {
            primes = List.copyOf(primes);
            if (primes.isEmpty() || schemes < 1 || streams < 1 || paperBudget < 3 || smartBudget < 3) {
                throw new IllegalArgumentException("at least one prime, scheme and stream, and budgets of 3 packets");
            }
        }
    }

    /**
     * Packets an attacker needed over the runs that succeeded.
     *
     * @param runs      runs
     * @param succeeded runs where the attacker found a model that predicts every captured packet
     * @param mean      mean packets captured, over the runs that succeeded
     * @param min       fewest
     * @param max       most
     * @param forged    forged packets (skipping nodes 2 to 4) the verifier accepted
     * @param tried     forged packets sent: 20 per run with a model, or, where none was found (OPoT), with the
     *                  attacker's best guess
     */
    public record Outcome(int runs, int succeeded, double mean, long min, long max, int forged, int tried) {
    }

    /**
     * The results for one prime.
     *
     * @param prime      the prime
     * @param paperPlain the paper's attacker against plain PoT
     * @param smartPlain the smarter attacker against plain PoT
     * @param paperOpot  the paper's attacker against OPoT
     * @param smartOpot  the smarter attacker against OPoT
     */
    public record PrimeResult(BigInteger prime, Outcome paperPlain, Outcome smartPlain, Outcome paperOpot,
            Outcome smartOpot) {
    }

    private AttackLab() {
    }

    /**
     * Runs the lab.
     *
     * @param options what to run
     * @return one result per prime
     */
    public static List<PrimeResult> run(final Options options) {
        Objects.requireNonNull(options, "options");
        final Random random = new Random(options.seed());
        final List<PrimeResult> results = new ArrayList<>();
        for (BigInteger prime : options.primes()) {
            final PrimeField field = PrimeField.of(prime, prime.bitLength() <= 32 ? 32 : 64);
            final Tally[] tallies = {new Tally(), new Tally(), new Tally(), new Tally()};
            for (int s = 0; s < options.schemes(); s++) {
                final Scheme scheme = Scheme.generate(NODES, field, true, random);
                for (int t = 0; t < options.streams(); t++) {
                    final LinkMasks[] masks = new LinkMasks[NODES - 1];
                    for (int i = 0; i < masks.length; i++) {
                        masks[i] = LinkMasks.of(field, random.nextLong() & field.widthMask(),
                            random.nextLong() & field.widthMask());
                    }
                    final long streamSeed = random.nextLong();
                    tallies[0].add(attack(scheme, null, true, options.paperBudget(), new Random(streamSeed)));
                    tallies[1].add(attack(scheme, null, false, options.smartBudget(), new Random(streamSeed)));
                    tallies[2].add(attack(scheme, masks, true, options.paperBudget(), new Random(streamSeed)));
                    tallies[3].add(attack(scheme, masks, false, options.smartBudget(), new Random(streamSeed)));
                }
            }
            results.add(new PrimeResult(prime, tallies[0].outcome(), tallies[1].outcome(), tallies[2].outcome(),
                tallies[3].outcome()));
        }
        return results;
    }

    /** One run: returns {packets needed or -1, forged accepted, forged tried}. */
    private static long[] attack(final Scheme scheme, final LinkMasks[] masks, final boolean paper, final int budget,
            final Random random) {
        final PrimeField field = scheme.field();
        final Eavesdropper eve = new Eavesdropper(NODES - 1);
        final Map<Long, Integer> byRnd = new HashMap<>();
        BigInteger multiple = BigInteger.ZERO;
        for (int n = 0; n < budget; n++) {
            final long[] seen = new long[NODES - 1];
            final long rnd = field.random(random);
            final long seenRnd = send(scheme, masks, rnd, seen);
            final int index = eve.capture(seenRnd, seen);
            Eavesdropper.Model model = null;
            if (paper) {
                final Integer below = byRnd.get(seenRnd - 1);
                final Integer above = byRnd.get(seenRnd + 1);
                byRnd.put(seenRnd, index);
                if (below != null || above != null) {
                    final int a = below != null ? below : index;
                    final int b = below != null ? index : above;
                    BigInteger g = BigInteger.ZERO;
                    for (int c = 0; c < Math.min(6, eve.captured()); c++) {
                        if (c != a && c != b) {
                            g = eve.multiples(a, b, c, g);
                        }
                    }
                    final BigInteger p = eve.candidate(g);
                    model = p == null ? null : eve.fit(p, a, b);
                }
            }
            if (index >= 2 && (!paper || index < 64)) {
                multiple = eve.multiples(0, 1, index, multiple);
            }
            if (!paper && index >= 2) {
                final BigInteger p = eve.candidate(multiple);
                model = p == null ? null : eve.fit(p, 0, 1);
            }
            if (model != null) {
                return new long[] {n + 1, forgeries(scheme, masks, model, random), FORGERIES};
            }
        }
        if (masks == null || eve.captured() < 2) {
            return new long[] {-1, 0, 0};
        }
        // against OPoT no model ever fits every packet; the attacker forges with its best guess anyway
        final BigInteger p = Objects.requireNonNullElse(eve.candidate(multiple), eve.guessPrime());
        final Eavesdropper.Model guess = eve.fit(p, 0, 1, false);
        return guess == null ? new long[] {-1, 0, 0}
            : new long[] {-1, forgeries(scheme, masks, guess, random), FORGERIES};
    }

    /** Sends a packet along the path; fills the CMLs as seen after hops 1 to 4 and returns the RND seen on link 1. */
    private static long send(final Scheme scheme, final LinkMasks[] masks, final long rnd, final long[] seen) {
        long cml = 0;
        for (int j = 1; j < NODES; j++) {
            cml = scheme.node(j).update(cml, rnd);
            seen[j - 1] = masks == null ? cml : cml ^ masks[j - 1].keyCml();
        }
        return masks == null ? rnd : rnd ^ masks[0].keyRnd();
    }

    /** Forged packets, skipping nodes 2 to 4, that node 5 accepts. */
    private static int forgeries(final Scheme scheme, final LinkMasks[] masks, final Eavesdropper.Model model,
            final Random random) {
        final PrimeField field = scheme.field();
        int accepted = 0;
        for (int i = 0; i < FORGERIES; i++) {
            final long rnd = field.random(random);
            final long cml1 = scheme.node(1).update(0, rnd);
            final long forged;
            final long clearCml;
            final long clearRnd;
            if (masks == null) {
                forged = Eavesdropper.forge(model, cml1, rnd);
                clearCml = forged;
                clearRnd = rnd;
            } else {
                // the attacker reads link 1 and knows key_rnd(1) ^ key_rnd(4) from any packet seen on both links
                final long eRnd1 = rnd ^ masks[0].keyRnd();
                forged = Eavesdropper.forge(model, cml1 ^ masks[0].keyCml(), eRnd1);
                final long eRnd4 = eRnd1 ^ masks[0].keyRnd() ^ masks[NODES - 2].keyRnd();
                clearCml = field.reduce(forged ^ masks[NODES - 2].keyCml());
                clearRnd = field.reduce(eRnd4 ^ masks[NODES - 2].keyRnd());
            }
            if (scheme.node(NODES).update(clearCml, clearRnd) == scheme.expected(clearRnd)) {
                accepted++;
            }
        }
        return accepted;
    }

    private static final class Tally {
        private final List<Long> needed = new ArrayList<>();
        private int runs;
        private int forged;
        private int tried;

        void add(final long[] run) {
            runs++;
            if (run[0] > 0) {
                needed.add(run[0]);
            }
            forged += (int) run[1];
            tried += (int) run[2];
        }

        Outcome outcome() {
            final double mean = needed.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
            final long min = needed.stream().mapToLong(Long::longValue).min().orElse(0);
            final long max = needed.stream().mapToLong(Long::longValue).max().orElse(0);
            return new Outcome(runs, needed.size(), mean, min, max, forged, tried);
        }
    }
}

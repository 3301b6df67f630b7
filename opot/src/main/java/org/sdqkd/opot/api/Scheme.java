package org.sdqkd.opot.api;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * A proof of transit scheme for k nodes: the field, the secret (the constant of the secret polynomial P1), each
 * node's point x<sub>i</sub>, share s<sub>i</sub> = (P1(x<sub>i</sub>) + P2(x<sub>i</sub>)) mod p and Lagrange
 * coefficient LPC<sub>i</sub> for reconstructing at 0. Holds secrets: {@link #toString()} shows none, and
 * {@link #erase()} overwrites them.
 */
public final class Scheme {
    private final PrimeField field;
    private final long secret;
    private final long[] points;
    private final long[] secretValues;
    private final long[] publicValues;
    private final long[] shares;
    private final long[] lpcs;

    private Scheme(final PrimeField field, final long secret, final long[] points, final long[] secretValues,
            final long[] publicValues, final long[] shares, final long[] lpcs) {
        this.field = field;
        this.secret = secret;
        this.points = points;
        this.secretValues = secretValues;
        this.publicValues = publicValues;
        this.shares = shares;
        this.lpcs = lpcs;
    }

    /**
     * Generates a scheme: the points x<sub>i</sub> distinct, non-zero and uniform over the whole field; P1 of degree
     * k-1 with the secret as its constant, P2 of degree k-1 without constant, both with uniform coefficients.
     *
     * @param k          the number of nodes, at least 2
     * @param field      the field
     * @param withSecret whether the secret is a random element (otherwise 0, so that the verifier checks
     *                   CML<sub>k</sub> == RND)
     * @param random     the source of randomness (a {@link java.security.SecureRandom} for real schemes)
     * @return the scheme
     */
    public static Scheme generate(final int k, final PrimeField field, final boolean withSecret,
            final Random random) {
        if (k < 2) {
            throw new IllegalArgumentException("a scheme needs at least 2 nodes, not " + k);
        }
        final long secret = withSecret ? field.random(random) : 0;
        final long[] p1 = new long[k];
        final long[] p2 = new long[k];
        p1[0] = secret;
        for (int d = 1; d < k; d++) {
            p1[d] = field.random(random);
            p2[d] = field.random(random);
        }
        final long[] points = new long[k];
        for (int i = 0; i < k; i++) {
            long x;
            do {
                x = field.random(random);
            } while (x == 0 || contains(points, i, x));
            points[i] = x;
        }
        final long[] secretValues = new long[k];
        final long[] publicValues = new long[k];
        final long[] shares = new long[k];
        for (int i = 0; i < k; i++) {
            secretValues[i] = evaluate(field, p1, points[i]);
            publicValues[i] = evaluate(field, p2, points[i]);
            shares[i] = field.add(secretValues[i], publicValues[i]);
        }
        Arrays.fill(p1, 0);
        return new Scheme(field, secret, points, secretValues, publicValues, shares, lagrangeAtZero(field, points));
    }

    /**
     * A scheme from given values (a provisioned profile or a test vector); points and polynomial values unknown.
     *
     * @param field  the field
     * @param secret the secret, an element
     * @param shares each node's share, in scheme order
     * @param lpcs   each node's Lagrange coefficient, in scheme order
     * @return the scheme
     */
    public static Scheme of(final PrimeField field, final long secret, final long[] shares, final long[] lpcs) {
        Objects.requireNonNull(field, "field");
        if (shares.length != lpcs.length || shares.length < 2) {
            throw new IllegalArgumentException("need as many shares as LPCs, at least 2, not " + shares.length
                + " and " + lpcs.length);
        }
        requireElement(field, "secret", secret);
        for (int i = 0; i < shares.length; i++) {
            requireElement(field, "share of node " + (i + 1), shares[i]);
            requireElement(field, "lpc of node " + (i + 1), lpcs[i]);
        }
        return new Scheme(field, secret, null, null, null, shares.clone(), lpcs.clone());
    }

    /**
     * The Lagrange coefficients for reconstructing at 0: LPC<sub>i</sub> = prod over j != i of
     * x<sub>j</sub> / (x<sub>j</sub> - x<sub>i</sub>).
     *
     * @param field  the field
     * @param points distinct non-zero points
     * @return one coefficient per point
     */
    public static long[] lagrangeAtZero(final PrimeField field, final long[] points) {
        final long[] lpcs = new long[points.length];
        for (int i = 0; i < points.length; i++) {
            long numerator = 1;
            long denominator = 1;
            for (int j = 0; j < points.length; j++) {
                if (j != i) {
                    numerator = field.multiply(numerator, points[j]);
                    denominator = field.multiply(denominator, field.subtract(points[j], points[i]));
                }
            }
            lpcs[i] = field.multiply(numerator, field.inverse(denominator));
        }
        return lpcs;
    }

    private static long evaluate(final PrimeField field, final long[] coefficients, final long x) {
        long value = 0;
        for (int d = coefficients.length - 1; d >= 0; d--) {
            value = field.add(field.multiply(value, x), coefficients[d]);
        }
        return value;
    }

    private static boolean contains(final long[] values, final int count, final long value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static void requireElement(final PrimeField field, final String name, final long value) {
        if (!field.contains(value)) {
            throw new IllegalArgumentException(name + " " + Long.toUnsignedString(value) + " is not below p = "
                + field.prime());
        }
    }

    /** {@return the field} */
    public PrimeField field() {
        return field;
    }

    /** {@return the number of nodes} */
    public int size() {
        return shares.length;
    }

    /** {@return the secret (0 for a scheme without one)} */
    public long secret() {
        return secret;
    }

    /**
     * The profile of one node.
     *
     * @param node the node's position, 1 to k
     * @return its share and Lagrange coefficient
     */
    public NodeProfile node(final int node) {
        return NodeProfile.of(field, shares[index(node)], lpcs[index(node)]);
    }

    /**
     * A node's point x<sub>i</sub>, for a generated scheme.
     *
     * @param node the node's position, 1 to k
     * @return the point
     */
    public long point(final int node) {
        return requireGenerated(points)[index(node)];
    }

    /**
     * P1(x<sub>i</sub>), for a generated scheme.
     *
     * @param node the node's position, 1 to k
     * @return the secret polynomial at the node's point
     */
    public long secretPolynomialAt(final int node) {
        return requireGenerated(secretValues)[index(node)];
    }

    /**
     * P2(x<sub>i</sub>), for a generated scheme.
     *
     * @param node the node's position, 1 to k
     * @return the public polynomial at the node's point
     */
    public long publicPolynomialAt(final int node) {
        return requireGenerated(publicValues)[index(node)];
    }

    /** {@return the value the verifier expects for a random number: (secret + rnd) mod p}
     *
     * @param rnd the packet's random number
     */
    public long expected(final long rnd) {
        return field.add(secret, rnd);
    }

    /** Overwrites the secret values held. */
    public void erase() {
        Arrays.fill(shares, 0);
        Arrays.fill(lpcs, 0);
        if (points != null) {
            Arrays.fill(points, 0);
            Arrays.fill(secretValues, 0);
            Arrays.fill(publicValues, 0);
        }
    }

    private int index(final int node) {
        if (node < 1 || node > shares.length) {
            throw new IllegalArgumentException("node " + node + " is not in 1.." + shares.length);
        }
        return node - 1;
    }

    private static long[] requireGenerated(final long[] values) {
        if (values == null) {
            throw new IllegalStateException("the scheme was given by its shares, not generated");
        }
        return values;
    }

    @Override
    public String toString() {
        return "Scheme[k=" + shares.length + ", " + field + "]";
    }
}

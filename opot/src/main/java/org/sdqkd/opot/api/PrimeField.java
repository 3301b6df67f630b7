package org.sdqkd.opot.api;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The prime field of a proof of transit scheme, GF(p) for an odd prime p below 2<sup>64</sup>, and the width of the
 * field on the wire (32 or 64 bits). Elements are {@code long}s read as unsigned. Multiplication is Montgomery's
 * (two 64-bit products and a high product per reduction), so that 64-bit primes never overflow.
 */
public final class PrimeField {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final BigInteger prime;
    private final long p;
    private final int fieldBits;
    private final long negInverse;
    private final long r2;

    private PrimeField(final BigInteger prime, final int fieldBits) {
        this.prime = prime;
        this.p = prime.longValue();
        this.fieldBits = fieldBits;
        long inverse = p;
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - p * inverse;
        }
        this.negInverse = -inverse;
        this.r2 = BigInteger.ONE.shiftLeft(128).mod(prime).longValue();
    }

    /**
     * The field of a prime.
     *
     * @param prime     an odd prime of at most {@code fieldBits} bits
     * @param fieldBits the width of the field's values on the wire, 32 or 64
     * @return the field
     * @throws IllegalArgumentException when the width is not 32 or 64, or the number is not an odd prime that fits
     */
    public static PrimeField of(final BigInteger prime, final int fieldBits) {
        Objects.requireNonNull(prime, "prime");
        if (fieldBits != 32 && fieldBits != 64) {
            throw new IllegalArgumentException("field bits must be 32 or 64, not " + fieldBits);
        }
        if (prime.signum() <= 0 || prime.bitLength() > fieldBits) {
            throw new IllegalArgumentException("prime " + prime + " does not fit a " + fieldBits + "-bit field");
        }
        if (!prime.testBit(0) || !prime.isProbablePrime(100)) {
            throw new IllegalArgumentException(prime + " is not an odd prime");
        }
        return new PrimeField(prime, fieldBits);
    }

    /**
     * A random prime of exactly {@code bits} bits, in the narrowest field (32 or 64 bits) that holds it.
     *
     * @param bits   the prime's size, 31 to 64
     * @param random the source of randomness (a {@link java.security.SecureRandom} for real schemes)
     * @return the field
     */
    public static PrimeField random(final int bits, final Random random) {
        if (bits < 31 || bits > 64) {
            throw new IllegalArgumentException("prime size must be 31 to 64 bits, not " + bits);
        }
        while (true) {
            final BigInteger candidate = new BigInteger(bits, random)
                .setBit(bits - 1).setBit(0);
            if (candidate.isProbablePrime(100)) {
                return new PrimeField(candidate, bits <= 32 ? 32 : 64);
            }
        }
    }

    /** {@return the prime} */
    public BigInteger prime() {
        return prime;
    }

    /** {@return the prime as an unsigned long} */
    public long p() {
        return p;
    }

    /** {@return the width of values on the wire, 32 or 64 bits} */
    public int fieldBits() {
        return fieldBits;
    }

    /** {@return the bytes of a value on the wire, 4 or 8} */
    public int fieldBytes() {
        return fieldBits / 8;
    }

    /** {@return a mask of the field's width: all ones in its low 32 or 64 bits} */
    public long widthMask() {
        return fieldBits == 64 ? -1L : 0xFFFF_FFFFL;
    }

    /**
     * Whether an unsigned value is an element of the field.
     *
     * @param value the value
     * @return whether it is below p
     */
    public boolean contains(final long value) {
        return Long.compareUnsigned(value, p) < 0;
    }

    /**
     * An unsigned value modulo p.
     *
     * @param value the value
     * @return the value mod p
     */
    public long reduce(final long value) {
        return Long.remainderUnsigned(value, p);
    }

    /**
     * A value of any size modulo p.
     *
     * @param value a non-negative number
     * @return the value mod p
     */
    public long reduce(final BigInteger value) {
        return value.mod(prime).longValue();
    }

    /**
     * A uniformly random element.
     *
     * @param random the source
     * @return a value in [0, p)
     */
    public long random(final RandomGenerator random) {
        final long bound = prime.bitLength() == 64 ? -1L : (1L << prime.bitLength()) - 1;
        while (true) {
            final long candidate = random.nextLong() & bound;
            if (contains(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Addition modulo p.
     *
     * @param a an element
     * @param b an element
     * @return (a + b) mod p
     */
    public long add(final long a, final long b) {
        final long sum = a + b;
        return Long.compareUnsigned(sum, a) < 0 || Long.compareUnsigned(sum, p) >= 0 ? sum - p : sum;
    }

    /**
     * Subtraction modulo p.
     *
     * @param a an element
     * @param b an element
     * @return (a - b) mod p
     */
    public long subtract(final long a, final long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a - b : a - b + p;
    }

    /**
     * Multiplication modulo p.
     *
     * @param a an element
     * @param b an element
     * @return (a * b) mod p
     */
    public long multiply(final long a, final long b) {
        return montgomery(montgomery(a, b), r2);
    }

    /**
     * The multiplicative inverse.
     *
     * @param a a non-zero element
     * @return a<sup>-1</sup> mod p
     */
    public long inverse(final long a) {
        return unsigned(a).modInverse(prime).longValue();
    }

    /**
     * An element in Montgomery form, for {@link #montgomery(long, long)} with another element.
     *
     * @param a an element
     * @return a * 2<sup>64</sup> mod p
     */
    public long toMontgomery(final long a) {
        return montgomery(a, r2);
    }

    /**
     * Montgomery's product: with {@code b} from {@link #toMontgomery(long)}, the plain product (a * b) mod p.
     *
     * @param a an element
     * @param b an element
     * @return a * b * 2<sup>-64</sup> mod p
     */
    public long montgomery(final long a, final long b) {
        final long high = Math.unsignedMultiplyHigh(a, b);
        final long low = a * b;
        final long m = low * negInverse;
        final long t = high + Math.unsignedMultiplyHigh(m, p);
        final boolean carry = Long.compareUnsigned(t, high) < 0;
        final long sum = t + (low != 0 ? 1 : 0);
        final boolean overflow = carry || low != 0 && sum == 0;
        return overflow || Long.compareUnsigned(sum, p) >= 0 ? sum - p : sum;
    }

    /**
     * An unsigned long as a number.
     *
     * @param value the value
     * @return the value in [0, 2<sup>64</sup>)
     */
    public static BigInteger unsigned(final long value) {
        final BigInteger big = BigInteger.valueOf(value);
        return value >= 0 ? big : big.add(TWO_64);
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof PrimeField other && other.prime.equals(prime) && other.fieldBits == fieldBits;
    }

    @Override
    public int hashCode() {
        return prime.hashCode() * 31 + fieldBits;
    }

    @Override
    public String toString() {
        return "GF(" + prime + ") in " + fieldBits + " bits";
    }
}

package org.sdqkd.opot.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrimeFieldTest {
    private static final BigInteger LARGEST_64 = new BigInteger("18446744073709551557");

    @Test
    void multipliesLikeBigIntegerForPrimesOf31To64Bits() {
        final Random random = new Random(17);
        for (int bits = 31; bits <= 64; bits++) {
            final PrimeField field = PrimeField.random(bits, random);
            assertEquals(bits, field.prime().bitLength());
            checkArithmetic(field, random);
        }
        checkArithmetic(PrimeField.of(LARGEST_64, 64), random);
        checkArithmetic(PrimeField.of(BigInteger.valueOf(1003161329), 32), random);
    }

    private static void checkArithmetic(final PrimeField field, final Random random) {
        final BigInteger p = field.prime();
        final long[] edges = {0, 1, 2, field.p() - 1, field.p() - 2, field.p() >>> 1};
        for (int i = 0; i < 2000; i++) {
            final long a = i < edges.length ? edges[i] : field.random(random);
            final long b = i < edges.length ? edges[edges.length - 1 - i] : field.random(random);
            final BigInteger ba = PrimeField.unsigned(a);
            final BigInteger bb = PrimeField.unsigned(b);
            assertEquals(ba.multiply(bb).mod(p), PrimeField.unsigned(field.multiply(a, b)), field + " " + a + "*" + b);
            assertEquals(ba.add(bb).mod(p), PrimeField.unsigned(field.add(a, b)), field + " " + a + "+" + b);
            assertEquals(ba.subtract(bb).mod(p), PrimeField.unsigned(field.subtract(a, b)), field + " " + a + "-" + b);
            assertEquals(b, field.montgomery(field.toMontgomery(b), 1), "Montgomery round trip");
        }
        final long full = -1L & field.widthMask();
        assertEquals(PrimeField.unsigned(full).mod(p), PrimeField.unsigned(field.reduce(full)));
    }

    @Test
    void refusesWhatIsNotAnOddPrimeOfTheFieldsWidth() {
        assertThrows(IllegalArgumentException.class, () -> PrimeField.of(BigInteger.valueOf(4111484371L), 16));
        assertThrows(IllegalArgumentException.class, () -> PrimeField.of(BigInteger.valueOf(4111484373L), 32));
        assertThrows(IllegalArgumentException.class, () -> PrimeField.of(LARGEST_64, 32));
        assertThrows(IllegalArgumentException.class, () -> PrimeField.of(BigInteger.TWO, 32));
        assertThrows(IllegalArgumentException.class, () -> PrimeField.random(30, new Random()));
        assertThrows(IllegalArgumentException.class, () -> PrimeField.random(65, new Random()));
    }
}

package org.sdqkd.opot.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttackLabTest {
    @Test
    @DisplayName("issue 17: the eavesdropping attack forges skipping packets on plain PoT and fails on OPoT")
    void breaksPlainPotAndFailsOnOpot() {
        final List<AttackLab.PrimeResult> results = AttackLab.run(new AttackLab.Options(
            List.of(BigInteger.valueOf(1048573), new BigInteger("18446744073709551557")), 2, 2, 20_000, 200, 5));
        final AttackLab.PrimeResult small = results.get(0);
        assertEquals(4, small.paperPlain().runs());
        assertEquals(4, small.paperPlain().succeeded(), "the paper's attacker on a 20-bit prime");
        assertEquals(small.paperPlain().tried(), small.paperPlain().forged(), "its forgeries are accepted");
        assertTrue(small.paperPlain().min() > 10, "it waits for a pair of RNDs differing by one");
        for (AttackLab.PrimeResult result : results) {
            assertEquals(4, result.smartPlain().succeeded(), "the smarter attacker on " + result.prime());
            assertTrue(result.smartPlain().max() <= 10, "a handful of packets: " + result.smartPlain().max());
            assertEquals(result.smartPlain().tried(), result.smartPlain().forged());
            assertEquals(0, result.paperOpot().succeeded());
            assertEquals(0, result.smartOpot().succeeded());
            assertEquals(0, result.paperOpot().forged() + result.smartOpot().forged(), "no forgery accepted on OPoT");
            assertTrue(result.smartOpot().tried() > 0, "forgeries were tried on OPoT");
        }
        assertEquals(0, results.get(1).paperPlain().succeeded(), "no RND pair differing by one among 20,000 of 2^64");
    }
}

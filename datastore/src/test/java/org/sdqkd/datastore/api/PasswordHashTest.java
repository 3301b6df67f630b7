package org.sdqkd.datastore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {

    private static final int FAST = PasswordHash.MIN_ITERATIONS;

    @Test
    void verifiesThePasswordItWasMadeFrom() {
        PasswordHash hash = PasswordHash.hash("s3cret-é€".toCharArray());
        assertEquals(PasswordHash.DEFAULT_ITERATIONS, hash.iterations());
        assertTrue(hash.verify("s3cret-é€".toCharArray()));
        assertFalse(hash.verify("s3cret-e€".toCharArray()));
        assertFalse(hash.verify(new char[0]));
    }

    @Test
    void storedFormHasDocumentedLayout() {
        String encoded = PasswordHash.hash("pw".toCharArray(), 12_345).encoded();
        assertTrue(encoded.matches("\\$pbkdf2-sha256\\$i=12345\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), encoded);
    }

    @Test
    void readsItsStoredFormBack() {
        PasswordHash hash = PasswordHash.hash("pw".toCharArray(), FAST);
        PasswordHash read = PasswordHash.parse(hash.encoded());
        assertEquals(hash, read);
        assertEquals(hash.encoded(), read.encoded());
        assertTrue(read.verify("pw".toCharArray()));
    }

    @Test
    void verifiesKnownVector() {
        // PBKDF2-HMAC-SHA256("password", "saltsaltsaltsalt", 1000, 32 bytes), computed with Python hashlib
        PasswordHash known = PasswordHash.parse(
            "$pbkdf2-sha256$i=1000$c2FsdHNhbHRzYWx0c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA");
        assertTrue(known.verify("password".toCharArray()));
        assertFalse(known.verify("Password".toCharArray()));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(PasswordHash.hash("pw".toCharArray(), FAST).encoded(),
            PasswordHash.hash("pw".toCharArray(), FAST).encoded());
    }

    @Test
    void showsNeitherSaltNorHashInToString() {
        PasswordHash hash = PasswordHash.hash("pw".toCharArray(), FAST);
        assertEquals("PasswordHash[pbkdf2-sha256, i=1000]", hash.toString());
    }

    @Test
    void refusesEmptyPasswordAndTooFewIterations() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.hash(new char[0], FAST));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.hash("pw".toCharArray(), FAST - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "pw",
        "$pbkdf2-sha1$i=1000$c2FsdHNhbHRzYWx0c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA",
        "$pbkdf2-sha256$i=999$c2FsdHNhbHRzYWx0c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA",
        "$pbkdf2-sha256$i=x$c2FsdHNhbHRzYWx0c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA",
        "$pbkdf2-sha256$i=1000$c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA",
        "$pbkdf2-sha256$i=1000$c2FsdHNhbHRzYWx0c2FsdA$8nX7hwFEzIB8",
        "$pbkdf2-sha256$i=1000$c2FsdHNhbHRzYWx0c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA$",
        "$pbkdf2-sha256$i=1000$!!!$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA",
    })
    void refusesMalformedStoredForm(String encoded) {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(encoded));
    }
}

package org.sdqkd.datastore.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {
    private static final byte[] PLAINTEXT = "<secret-share>1234567</secret-share>".getBytes(UTF_8);
    private static final byte[] BINDING = "running\nabc".getBytes(UTF_8);

    @TempDir
    Path directory;

    @Test
    void sealedValuesOpenWithTheSameKeyAndBindingOnly() throws IOException {
        final SecretCipher cipher = new SecretCipher(new KeyFile(directory, new SecureRandom()), new SecureRandom());

        final byte[] sealed = cipher.seal(PLAINTEXT, BINDING);

        assertArrayEquals(PLAINTEXT, cipher.open(sealed, BINDING));
        assertFalse(new String(sealed, UTF_8).contains("1234567"));
        assertNotEquals(Arrays.toString(sealed), Arrays.toString(cipher.seal(PLAINTEXT, BINDING)), "random nonce");
        assertThrows(IOException.class, () -> cipher.open(sealed, "startup\nabc".getBytes(UTF_8)));
        final byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThrows(IOException.class, () -> cipher.open(tampered, BINDING));
        final SecretCipher otherKey = new SecretCipher(new KeyFile(Files.createDirectory(directory.resolve("other")),
            new SecureRandom()), new SecureRandom());
        otherKey.seal(PLAINTEXT, BINDING);
        assertThrows(IOException.class, () -> otherKey.open(sealed, BINDING));
    }

    @Test
    void openingWithoutAKeyFileFailsAndCreatesNoKey() throws IOException {
        final byte[] sealed = new SecretCipher(new KeyFile(directory, new SecureRandom()), new SecureRandom())
            .seal(PLAINTEXT, BINDING);
        final Path elsewhere = Files.createDirectory(directory.resolve("elsewhere"));

        assertThrows(IOException.class, () -> new SecretCipher(new KeyFile(elsewhere, new SecureRandom()),
            new SecureRandom()).open(sealed, BINDING));
        assertFalse(Files.exists(elsewhere.resolve(KeyFile.NAME)));
    }

    @Test
    void keyNeverShowsItsBytes() throws IOException {
        final KeyFile file = new KeyFile(directory, new SecureRandom());
        final DatastoreKey key = file.getOrCreate();
        final byte[] bytes = key.copyBytes();

        assertFalse(key.toString().contains(HexFormat.of().formatHex(bytes)));
        assertTrue(key.toString().contains("not shown"));
        file.close();
        assertThrows(IllegalStateException.class, key::secretKey);
    }
}

package org.sdqkd.netconf.server.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void generatesKeyReadableByOwnerOnly() throws IOException {
        Path file = dir.resolve("keys/host-key");
        HostKeyFile.load(file);
        assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null, "no POSIX permissions");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void loadsTheStoredKeyAgain() throws IOException {
        Path file = dir.resolve("host-key");
        KeyPair first = HostKeyFile.load(file);
        byte[] stored = Files.readAllBytes(file);
        assertEquals(first.getPublic(), HostKeyFile.load(file).getPublic());
        assertArrayEquals(stored, Files.readAllBytes(file));
    }

    @Test
    void keepsAnExistingKeyOfAnotherAlgorithm() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        Path file = dir.resolve("host-key");
        try (OutputStream out = Files.newOutputStream(file)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(rsa, "operator's key", null, out);
        }
        byte[] stored = Files.readAllBytes(file);
        assertEquals(rsa.getPublic(), HostKeyFile.load(file).getPublic());
        assertArrayEquals(stored, Files.readAllBytes(file));
    }

    @Test
    void refusesUnreadableKeyFileAndLeavesItAlone() throws IOException {
        Path file = dir.resolve("host-key");
        Files.writeString(file, "not a key\n");
        assertThrows(IOException.class, () -> HostKeyFile.load(file));
        assertEquals("not a key\n", Files.readString(file));
    }
}

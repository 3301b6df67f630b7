package org.sdqkd.netconf.server.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The server's host key pair, kept in one file in OpenSSH format so that clients see the same key after every
 * restart. MINA's {@link SimpleGeneratorHostKeyProvider} generates the key (ECDSA on the largest curve) when the file
 * does not exist and creates the file readable and writable by its owner only. Unlike MINA on its own, this class
 * never replaces a key file it cannot read, and fails instead of going on with a key it could not store.
 */
final class HostKeyFile {

    private HostKeyFile() {
    }

    /**
     * Loads the host key from {@code file}, generating and storing one first if the file does not exist.
     *
     * @param file the key file; its directory is created when missing
     * @return the key pair
     * @throws IOException if the file exists but holds no readable key pair, or a new key could not be stored
     */
    static KeyPair load(Path file) throws IOException {
        Path path = file.toAbsolutePath();
        Path directory = path.getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(path);
        provider.setStrictFilePermissions(true);
        provider.setOverwriteAllowed(false);
        if (Files.exists(path)) {
            // MINA deletes a key file whose algorithm differs from the one it generates; ask for the one stored
            provider.setAlgorithm(algorithmOf(read(path)));
        }
        List<KeyPair> keys = provider.loadKeys(null);
        if (keys.isEmpty()) {
            throw new IOException("no host key could be loaded or generated for " + path);
        }
        // MINA only logs a failed write and goes on with a throwaway key: check that the file holds the key in use
        if (!KeyUtils.compareKeys(read(path).getPublic(), keys.get(0).getPublic())) {
            throw new IOException("host key file " + path + " does not hold the key in use");
        }
        return keys.get(0);
    }

    private static KeyPair read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("host key file " + path + " could not be written");
        }
        try (InputStream in = Files.newInputStream(path)) {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, new PathResource(path), in, null);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new IOException("no key pair in host key file " + path);
            }
            return it.next();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read host key file " + path + ": " + e.getMessage(), e);
        }
    }

    private static String algorithmOf(KeyPair pair) {
        String algorithm = pair.getPublic().getAlgorithm();
        return "ECDSA".equalsIgnoreCase(algorithm) ? KeyUtils.EC_ALGORITHM : algorithm;
    }
}

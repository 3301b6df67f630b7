package org.sdqkd.features;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The OpenSSH SHA256 fingerprint ({@code SHA256:...}, as {@code ssh} shows it on first contact) of the host key an
 * agent or node keeps in its host key file: what {@code sdqkd agent} prints and what the demo pins in its controller's
 * configuration.
 */
final class HostKeyFingerprint {
    private HostKeyFingerprint() {
    }

    /**
     * Reads the key pair in an OpenSSH host key file and fingerprints its public key.
     *
     * @param hostKeyFile the file (OpenSSH private key format, unencrypted, as the agent writes it)
     * @return the fingerprint, or empty when the file cannot be read or holds no key
     */
    static Optional<String> of(final Path hostKeyFile) {
        try (InputStream in = Files.newInputStream(hostKeyFile)) {
            final Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, new PathResource(hostKeyFile),
                in, null);
            final Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            return it != null && it.hasNext()
                ? Optional.ofNullable(KeyUtils.getFingerPrint(BuiltinDigests.sha256, it.next().getPublic()))
                : Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}

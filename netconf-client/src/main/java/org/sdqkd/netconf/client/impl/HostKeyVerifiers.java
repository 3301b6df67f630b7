package org.sdqkd.netconf.client.impl;

import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.sdqkd.netconf.client.api.HostKeyVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a {@link HostKeyVerification} into MINA's {@link ServerKeyVerifier}. */
final class HostKeyVerifiers {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyVerifiers.class);

    private HostKeyVerifiers() {
        // static only
    }

    static ServerKeyVerifier of(final HostKeyVerification verification) {
        return switch (verification) {
            case HostKeyVerification.AcceptAny any -> AcceptAllServerKeyVerifier.INSTANCE;
            case HostKeyVerification.KnownKeys known -> knownKeys(known.keys());
            case HostKeyVerification.Checked checked ->
                (session, address, key) -> checked.check().accept(address, key);
            case HostKeyVerification.KnownHostsFile file -> {
                final KnownHostsServerKeyVerifier verifier =
                    new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, file.file());
                // never write to the file: an unknown or changed key is refused, not learnt
                verifier.setModifiedServerKeyAcceptor((session, address, entry, expected, actual) -> false);
                yield verifier;
            }
        };
    }

    private static ServerKeyVerifier knownKeys(final List<PublicKey> keys) {
        return (session, address, serverKey) -> {
            final boolean known = keys.stream().anyMatch(key -> KeyUtils.compareKeys(key, serverKey));
            if (!known) {
                LOG.warn("refusing the host key of {}: {} {} is not a known key", address,
                    KeyUtils.getKeyType(serverKey), KeyUtils.getFingerPrint(serverKey));
            }
            return known;
        };
    }
}

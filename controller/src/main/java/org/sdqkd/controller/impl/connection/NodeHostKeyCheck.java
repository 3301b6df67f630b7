package org.sdqkd.controller.impl.connection;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.network.node.State.HostKeyCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies one node's SSH host key for the controller: against the OpenSSH SHA256 fingerprint pinned in the node's
 * configuration ({@code netconf/host-key}) when there is one, else against the controller's known_hosts file (read at
 * each connection, never written; {@code @revoked} entries refuse, {@code @cert-authority} ones are not used). Any
 * other key is refused; no key is ever accepted unchecked. Remembers the last key presented and how it was judged, for
 * the node's state.
 */
final class NodeHostKeyCheck implements org.sdqkd.netconf.client.api.HostKeyCheck {
    private static final Logger LOG = LoggerFactory.getLogger(NodeHostKeyCheck.class);

    private final String host;
    private final int port;
    private final Optional<String> pinned;
    private final Optional<Path> knownHosts;
    private volatile Verdict last;

    /**
     * The outcome of one check.
     *
     * @param fingerprint the OpenSSH SHA256 fingerprint of the key presented
     * @param accepted    how it was accepted, empty when refused
     * @param refusal     why it was refused, empty when accepted
     */
    record Verdict(String fingerprint, Optional<HostKeyCheck> accepted, Optional<String> refusal) {
        Verdict {
            requireNonNull(fingerprint);
            requireNonNull(accepted);
            requireNonNull(refusal);
        }
    }

    /**
     * A check for one node.
     *
     * @param host       the node's host as configured (the known_hosts lookup uses it)
     * @param port       its SSH port
     * @param pinned     the pinned fingerprint, if any
     * @param knownHosts the controller's known_hosts file, if any
     */
    NodeHostKeyCheck(final String host, final int port, final Optional<String> pinned,
            final Optional<Path> knownHosts) {
        this.host = requireNonNull(host);
        this.port = port;
        this.pinned = requireNonNull(pinned);
        this.knownHosts = requireNonNull(knownHosts);
    }

    /** The OpenSSH SHA256 fingerprint of a key ({@code SHA256:} and 43 base64 characters). */
    static String fingerprint(final PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** The verdict on the last key presented, if one was. */
    Optional<Verdict> last() {
        return Optional.ofNullable(last);
    }

    @Override
    public boolean accept(final SocketAddress remote, final PublicKey key) {
        final String fingerprint = fingerprint(key);
        final Verdict verdict;
        if (pinned.isPresent()) {
            verdict = pinned.get().equals(fingerprint) ? accepted(fingerprint, HostKeyCheck.Pinned)
                : refused(fingerprint, "the node's host key " + fingerprint + " is not the pinned "
                    + pinned.get());
        } else if (knownHosts.isPresent()) {
            verdict = knownHost(fingerprint, key, knownHosts.get());
        } else {
            verdict = refused(fingerprint, "the node's host key " + fingerprint + " cannot be checked: the node has "
                + "no pinned netconf/host-key and the controller has no known-hosts file");
        }
        last = verdict;
        verdict.refusal().ifPresent(reason -> LOG.warn("{}:{}: {}", host, port, reason));
        return verdict.accepted().isPresent();
    }

    private Verdict knownHost(final String fingerprint, final PublicKey key, final Path file) {
        final List<KnownHostEntry> entries;
        try {
            entries = KnownHostEntry.readKnownHostEntries(file);
        } catch (IOException | RuntimeException e) {
            return refused(fingerprint, "the known-hosts file " + file + " cannot be read: " + e.getMessage());
        }
        boolean listed = false;
        boolean matched = false;
        for (KnownHostEntry entry : entries) {
            if (!entry.isHostMatch(host, port) || "cert-authority".equals(entry.getMarker())) {
                continue;
            }
            final PublicKey known;
            try {
                known = entry.getKeyEntry().resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
            } catch (IOException | GeneralSecurityException e) {
                continue;
            }
            if (known == null) {
                continue;
            }
            final boolean same = KeyUtils.compareKeys(known, key);
            if (same && "revoked".equals(entry.getMarker())) {
                return refused(fingerprint, "the node's host key " + fingerprint + " is revoked in " + file);
            }
            matched |= same;
            listed = true;
        }
        if (matched) {
            return accepted(fingerprint, HostKeyCheck.KnownHosts);
        }
        return refused(fingerprint, listed
            ? "the node's host key " + fingerprint + " differs from the key " + file + " lists for " + host + ":" + port
            : "the node's host key " + fingerprint + " is not in the known-hosts file " + file + " for " + host + ":"
                + port);
    }

    private static Verdict accepted(final String fingerprint, final HostKeyCheck how) {
        return new Verdict(fingerprint, Optional.of(how), Optional.empty());
    }

    private static Verdict refused(final String fingerprint, final String reason) {
        return new Verdict(fingerprint, Optional.empty(), Optional.of(reason));
    }
}

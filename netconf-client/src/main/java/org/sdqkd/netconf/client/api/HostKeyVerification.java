package org.sdqkd.netconf.client.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

/** How the client decides whether to trust the server's SSH host key (RFC 4253 section 8). */
public sealed interface HostKeyVerification {
    /** Trust any host key. Only for tests: it gives no protection against a man in the middle. */
    record AcceptAny() implements HostKeyVerification {
    }

    /**
     * Trust only the given keys.
     *
     * @param keys the server's host keys, at least one
     */
    record KnownKeys(List<PublicKey> keys) implements HostKeyVerification {
        /**
         * Checks and copies the keys.
         *
         * @throws IllegalArgumentException if there is none
         */
        public KnownKeys {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("no known host key");
            }
        }
    }

    /**
     * Trust the keys an OpenSSH {@code known_hosts} file lists for the host (and port, written {@code [host]:port}
     * when not 22); refuse unknown hosts and changed keys. The file is only read.
     *
     * @param file the known_hosts file
     */
    record KnownHostsFile(Path file) implements HostKeyVerification {
        /** Checks the component. */
        public KnownHostsFile {
            requireNonNull(file);
        }
    }

    /**
     * Trust the keys a check of the caller's accepts (a pinned fingerprint, an application's own store).
     *
     * @param check the check, asked once per connection
     */
    record Checked(HostKeyCheck check) implements HostKeyVerification {
        /** Checks the component. */
        public Checked {
            requireNonNull(check);
        }
    }

    /**
     * Trust any host key (tests only).
     *
     * @return the verification
     */
    static HostKeyVerification acceptAny() {
        return new AcceptAny();
    }

    /**
     * Trust only these keys.
     *
     * @param keys the host keys
     * @return the verification
     */
    static HostKeyVerification knownKeys(final PublicKey... keys) {
        return new KnownKeys(List.of(keys));
    }

    /**
     * Trust the keys of a known_hosts file.
     *
     * @param file the file
     * @return the verification
     */
    static HostKeyVerification knownHosts(final Path file) {
        return new KnownHostsFile(file);
    }

    /**
     * Trust the keys a check of the caller's accepts.
     *
     * @param check the check
     * @return the verification
     */
    static HostKeyVerification checked(final HostKeyCheck check) {
        return new Checked(check);
    }
}

package org.sdqkd.ssh.qkd.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An SSH endpoint's hybrid key exchange settings: the container {@code ssh-qkd} of {@code sdqkd-ssh-qkd} less the KME,
 * which is the {@link QkdKeySource}.
 *
 * @param policy               which methods are offered
 * @param fallbackOnKmeFailure with {@link KexPolicy#PREFERRED}, whether a client whose hybrid key exchange failed
 *                             because its own KME could not give a key may connect again with standard methods
 *                             only; never for any other failure, nor for the server's KME (what the server says
 *                             before the keys are set is unauthenticated)
 * @param methods              the hybrid methods offered, most preferred first; empty for all, ML-KEM first
 * @param peers                the peer SAEs: a server accepts a hybrid key exchange only from these
 * @param rekeyMaxBytes        re-key after this much data in either direction, at least 1024
 * @param rekeyMaxTime         re-key after this time, at least 10 s; every re-key takes a new QKD key
 */
public record SshQkdSettings(KexPolicy policy, boolean fallbackOnKmeFailure, List<HybridMethod> methods,
        Set<String> peers, long rekeyMaxBytes, Duration rekeyMaxTime) {

    /** The YANG default of {@code rekey/max-bytes}: 1 GiB. */
    public static final long DEFAULT_REKEY_MAX_BYTES = 1L << 30;
    /** The YANG default of {@code rekey/max-time}: one hour. */
    public static final Duration DEFAULT_REKEY_MAX_TIME = Duration.ofHours(1);
    /** The smallest {@code rekey/max-bytes}. */
    public static final long MIN_REKEY_BYTES = 1024;
    /** The shortest {@code rekey/max-time}. */
    public static final Duration MIN_REKEY_TIME = Duration.ofSeconds(10);

    /**
     * Checks the settings and copies the collections.
     *
     * @param policy               the policy
     * @param fallbackOnKmeFailure only with {@link KexPolicy#PREFERRED}
     * @param methods              distinct methods
     * @param peers                the peer SAEs, none blank
     * @param rekeyMaxBytes        at least {@value #MIN_REKEY_BYTES}
     * @param rekeyMaxTime         at least {@link #MIN_REKEY_TIME}
     */
    public SshQkdSettings {
        requireNonNull(policy, "policy");
        requireNonNull(rekeyMaxTime, "rekeyMaxTime");
        methods = List.copyOf(new LinkedHashSet<>(methods));
        peers = Set.copyOf(peers);
        if (fallbackOnKmeFailure && policy != KexPolicy.PREFERRED) {
            throw new IllegalArgumentException("fallback to classical key exchange only applies to the preferred "
                + "policy, not to " + policy.yangName());
        }
        for (String peer : peers) {
            if (peer.isBlank()) {
                throw new IllegalArgumentException("blank peer SAE ID");
            }
        }
        if (rekeyMaxBytes < MIN_REKEY_BYTES) {
            throw new IllegalArgumentException("rekey max-bytes below " + MIN_REKEY_BYTES + ": " + rekeyMaxBytes);
        }
        if (rekeyMaxTime.compareTo(MIN_REKEY_TIME) < 0) {
            throw new IllegalArgumentException("rekey max-time below " + MIN_REKEY_TIME.toSeconds() + " s: "
                + rekeyMaxTime);
        }
    }

    /**
     * Settings with the YANG defaults but the policy: all methods, no fallback, no peers, 1 GiB and one hour.
     *
     * @param policy the policy
     * @return the settings
     */
    public static SshQkdSettings of(final KexPolicy policy) {
        return new SshQkdSettings(policy, false, List.of(), Set.of(), DEFAULT_REKEY_MAX_BYTES,
            DEFAULT_REKEY_MAX_TIME);
    }

    /** The hybrid methods offered, most preferred first: {@link #methods()}, or all when it is empty. */
    public List<HybridMethod> offeredMethods() {
        return methods.isEmpty() ? List.of(HybridMethod.values()) : methods;
    }

    /**
     * These settings with another fallback choice.
     *
     * @param fallback whether a failure of the client's own KME may lead to standard methods
     * @return the changed settings
     */
    public SshQkdSettings withFallbackOnKmeFailure(final boolean fallback) {
        return new SshQkdSettings(policy, fallback, methods, peers, rekeyMaxBytes, rekeyMaxTime);
    }

    /**
     * These settings offering other methods.
     *
     * @param newMethods the methods, most preferred first
     * @return the changed settings
     */
    public SshQkdSettings withMethods(final List<HybridMethod> newMethods) {
        return new SshQkdSettings(policy, fallbackOnKmeFailure, newMethods, peers, rekeyMaxBytes, rekeyMaxTime);
    }

    /**
     * These settings with other peers.
     *
     * @param newPeers the peer SAEs
     * @return the changed settings
     */
    public SshQkdSettings withPeers(final Set<String> newPeers) {
        return new SshQkdSettings(policy, fallbackOnKmeFailure, methods, newPeers, rekeyMaxBytes, rekeyMaxTime);
    }

    /**
     * These settings with other re-key limits.
     *
     * @param maxBytes re-key after this much data
     * @param maxTime  re-key after this time
     * @return the changed settings
     */
    public SshQkdSettings withRekey(final long maxBytes, final Duration maxTime) {
        return new SshQkdSettings(policy, fallbackOnKmeFailure, methods, peers, maxBytes, maxTime);
    }
}

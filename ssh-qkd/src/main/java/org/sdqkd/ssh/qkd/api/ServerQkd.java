package org.sdqkd.ssh.qkd.api;

import static java.util.Objects.requireNonNull;

/**
 * The hybrid key exchange of an SSH server: the settings and the key source.
 *
 * @param settings  the policy, methods, peers and re-key limits
 * @param keySource the server's key source; may be null only with {@link KexPolicy#OFF}
 */
public record ServerQkd(SshQkdSettings settings, QkdKeySource keySource) {

    /**
     * Checks that a hybrid policy has its key source.
     *
     * @param settings  the settings
     * @param keySource the key source
     */
    public ServerQkd {
        requireNonNull(settings, "settings");
        if (settings.policy() != KexPolicy.OFF) {
            requireNonNull(keySource, "a hybrid key exchange needs a key source");
        }
    }

    /** Standard methods only, with the default re-key limits. */
    public static ServerQkd off() {
        return new ServerQkd(SshQkdSettings.of(KexPolicy.OFF), null);
    }
}

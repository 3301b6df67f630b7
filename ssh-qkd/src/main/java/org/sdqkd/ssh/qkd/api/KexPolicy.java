package org.sdqkd.ssh.qkd.api;

import java.util.Locale;

/** Whether an SSH endpoint uses the hybrid QKD key exchange; the {@code policy} typedef of {@code sdqkd-ssh-qkd}. */
public enum KexPolicy {
    /** Only hybrid QKD methods are offered: a peer that cannot use them fails the key exchange. */
    REQUIRED,
    /** Hybrid QKD methods first, then the standard ones, so that standard SSH clients still connect. */
    PREFERRED,
    /** Only standard methods. */
    OFF;

    /** The YANG enum name: {@code required}, {@code preferred} or {@code off}. */
    public String yangName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The policy of a YANG enum name.
     *
     * @param name {@code required}, {@code preferred} or {@code off}
     * @return the policy
     * @throws IllegalArgumentException for any other name
     */
    public static KexPolicy ofYangName(final String name) {
        for (KexPolicy policy : values()) {
            if (policy.yangName().equals(name)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown key exchange policy '" + name
            + "': expected required, preferred or off");
    }
}

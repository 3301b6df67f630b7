package org.sdqkd.opot.api;

/**
 * A node's two {@code ietf-pot-profile} slots, the even (index 0) and odd (index 1) one, selected per packet by the
 * high bit of its seq byte. Rotation without loss: install the new scheme's profile in the idle slot on every node of
 * the path, switch the ingress to it, and retire the old slot once its packets have drained.
 */
public final class ProfilePair {
    private final NodeProfile[] slots = new NodeProfile[2];
    private final long[] secrets = new long[2];

    /**
     * A pair with one slot filled.
     *
     * @param index   0 or 1
     * @param profile the node's profile
     * @return the pair
     */
    public static ProfilePair of(final int index, final NodeProfile profile) {
        final ProfilePair pair = new ProfilePair();
        pair.install(index, profile, 0);
        return pair;
    }

    /**
     * Installs (or replaces) a slot.
     *
     * @param index   0 or 1
     * @param profile the node's profile
     * @param secret  the scheme's secret (the validator key), used only by the verifier; 0 elsewhere
     */
    public void install(final int index, final NodeProfile profile, final long secret) {
        WireFormat.seq(index, 0);
        if (!profile.field().contains(secret)) {
            throw new IllegalArgumentException("secret not below p");
        }
        slots[index] = profile;
        secrets[index] = secret;
    }

    /**
     * Retires a slot: its profile is erased, and packets naming it are refused.
     *
     * @param index 0 or 1
     */
    public void retire(final int index) {
        WireFormat.seq(index, 0);
        final NodeProfile old = slots[index];
        slots[index] = null;
        secrets[index] = 0;
        if (old != null) {
            old.erase();
        }
    }

    /**
     * A slot's profile.
     *
     * @param index 0 or 1
     * @return the profile
     * @throws Rejection ({@link Rejection.Reason#UNKNOWN_EPOCH}) when the slot is empty
     */
    public NodeProfile profile(final int index) throws Rejection {
        final NodeProfile profile = slots[index];
        if (profile == null) {
            throw new Rejection(Rejection.Reason.UNKNOWN_EPOCH, "no profile with index " + index);
        }
        return profile;
    }

    /**
     * A slot's secret.
     *
     * @param index 0 or 1
     * @return the secret given with its profile
     */
    long secret(final int index) {
        return secrets[index];
    }
}

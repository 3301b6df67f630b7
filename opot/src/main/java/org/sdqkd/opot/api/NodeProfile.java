package org.sdqkd.opot.api;

/**
 * What one node of a scheme holds: its share s<sub>i</sub> and Lagrange coefficient LPC<sub>i</sub>, and the
 * update {@code CML_i = (CML_{i-1} + LPC_i * ((s_i + RND) mod p)) mod p}. The share is secret: {@link #toString()}
 * does not show it and {@link #erase()} overwrites it.
 */
public final class NodeProfile {
    private final PrimeField field;
    private long share;
    private long lpc;
    private long lpcMontgomery;

    private NodeProfile(final PrimeField field, final long share, final long lpc) {
        this.field = field;
        this.share = share;
        this.lpc = lpc;
        this.lpcMontgomery = field.toMontgomery(lpc);
    }

    /**
     * A node's profile.
     *
     * @param field the field
     * @param share the node's share, an element
     * @param lpc   the node's Lagrange coefficient, an element
     * @return the profile
     */
    public static NodeProfile of(final PrimeField field, final long share, final long lpc) {
        if (!field.contains(share) || !field.contains(lpc)) {
            throw new IllegalArgumentException("share and LPC must be below p = " + field.prime());
        }
        return new NodeProfile(field, share, lpc);
    }

    /** {@return the field} */
    public PrimeField field() {
        return field;
    }

    /** {@return the Lagrange coefficient} */
    public long lpc() {
        return lpc;
    }

    /** {@return the share} */
    public long share() {
        return share;
    }

    /**
     * The node's update of the cumulative value.
     *
     * @param cml the cumulative value received (0 at the first node), an element
     * @param rnd the packet's random number, an element
     * @return (cml + LPC * ((share + rnd) mod p)) mod p
     */
    public long update(final long cml, final long rnd) {
        return field.add(cml, field.montgomery(field.add(share, rnd), lpcMontgomery));
    }

    /** Overwrites the share and coefficient. */
    public void erase() {
        share = 0;
        lpc = 0;
        lpcMontgomery = 0;
    }

    @Override
    public String toString() {
        return "NodeProfile[" + field + "]";
    }
}

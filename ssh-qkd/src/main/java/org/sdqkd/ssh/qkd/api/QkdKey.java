package org.sdqkd.ssh.qkd.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.UUID;

/**
 * One QKD key as an ETSI GS QKD 014 KME hands it out: its key_ID and its bytes. The bytes are copied in and out, and
 * {@link #erase()} overwrites them once the key exchange has used them. {@link #toString()} shows the key_ID only.
 */
public final class QkdKey {
    private final UUID id;
    private final byte[] material;

    /**
     * Makes a key from a copy of the given bytes.
     *
     * @param id       the key_ID
     * @param material the key bytes, at least one
     */
    public QkdKey(final UUID id, final byte[] material) {
        this.id = requireNonNull(id, "id");
        if (material.length == 0) {
            throw new IllegalArgumentException("empty key");
        }
        this.material = material.clone();
    }

    /** The key_ID. */
    public UUID id() {
        return id;
    }

    /** A copy of the key bytes. */
    public byte[] material() {
        return material.clone();
    }

    /** The key's length in bytes. */
    public int length() {
        return material.length;
    }

    /** Overwrites the key bytes with zeros; {@link #material()} returns zeros afterwards. */
    public void erase() {
        Arrays.fill(material, (byte) 0);
    }

    @Override
    public String toString() {
        return "QkdKey[" + id + ", " + material.length * 8 + " bits]";
    }
}

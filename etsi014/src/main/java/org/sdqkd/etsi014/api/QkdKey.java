package org.sdqkd.etsi014.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * One key of a Key container (ETSI GS QKD 014 V1.1.1 section 6.3): its {@code key_ID}, its bytes (the decoded
 * {@code key}) and the optional {@code key_ID_extension} and {@code key_extension}. The bytes are copied in and out,
 * and {@link #erase()} overwrites them once used. {@link #toString()} shows the key_ID and the size only.
 */
public final class QkdKey {
    private final UUID id;
    private final byte[] material;
    private final Map<String, Object> idExtension;
    private final Map<String, Object> keyExtension;

    /**
     * Makes a key from a copy of the given bytes, without extensions.
     *
     * @param id       the key_ID
     * @param material the key bytes, at least one
     */
    public QkdKey(final UUID id, final byte[] material) {
        this(id, material, Map.of(), Map.of());
    }

    private QkdKey(final UUID id, final byte[] material, final Map<String, Object> idExtension,
            final Map<String, Object> keyExtension) {
        this.id = requireNonNull(id, "id");
        if (material.length == 0) {
            throw new IllegalArgumentException("empty key");
        }
        this.idExtension = JsonValues.object(idExtension);
        this.keyExtension = JsonValues.object(keyExtension);
        this.material = material.clone();
    }

    /**
     * Makes a key from a copy of the given bytes, with extensions.
     *
     * @param id           the key_ID
     * @param material     the key bytes, at least one
     * @param idExtension  the {@code key_ID_extension}, empty for none
     * @param keyExtension the {@code key_extension}, empty for none
     * @return the key
     */
    public static QkdKey of(final UUID id, final byte[] material, final Map<String, Object> idExtension,
            final Map<String, Object> keyExtension) {
        return new QkdKey(id, material, idExtension, keyExtension);
    }

    /** The key_ID. */
    public UUID id() {
        return id;
    }

    /** A copy of the key bytes; the caller erases it. */
    public byte[] material() {
        return material.clone();
    }

    /** The key's length in bytes. */
    public int length() {
        return material.length;
    }

    /** The {@code key_ID_extension}, empty when there is none. */
    public Map<String, Object> idExtension() {
        return idExtension;
    }

    /** The {@code key_extension}, empty when there is none. */
    public Map<String, Object> keyExtension() {
        return keyExtension;
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

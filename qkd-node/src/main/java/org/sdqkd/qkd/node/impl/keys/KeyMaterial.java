package org.sdqkd.qkd.node.impl.keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.impl.link.Frame;
import org.sdqkd.qkd.node.impl.link.FrameCodec;

/**
 * How ETSI keys are made of key units: a key of {@code size} bits (a multiple of 8 within
 * {@link Etsi014Limits}) is ceil(size/256) units concatenated and cut to size/8 bytes.
 */
final class KeyMaterial {
    private KeyMaterial() {
    }

    /** The units one key of {@code sizeBits} is made of. */
    static int unitsPerKey(final int sizeBits) {
        return (sizeBits + TokenBucket.UNIT_BITS - 1) / TokenBucket.UNIT_BITS;
    }

    /**
     * Makes keys from units, in order: the first {@link #unitsPerKey} units make the first key, and so on. The
     * units are left as they are (the caller erases them).
     *
     * @param units    the units, a multiple of {@link #unitsPerKey} of them
     * @param sizeBits the size of each key
     * @return the keys
     */
    static List<KeyBytes> assemble(final List<Frame.Unit> units, final int sizeBits) {
        final int per = unitsPerKey(sizeBits);
        final List<KeyBytes> keys = new ArrayList<>(units.size() / per);
        final byte[] buffer = new byte[per * FrameCodec.UNIT_BYTES];
        for (int k = 0; k + per <= units.size(); k += per) {
            for (int u = 0; u < per; u++) {
                final byte[] unit = units.get(k + u).bytes().bytes();
                System.arraycopy(unit, 0, buffer, u * FrameCodec.UNIT_BYTES, FrameCodec.UNIT_BYTES);
                Arrays.fill(unit, (byte) 0);
            }
            keys.add(KeyBytes.copyOf(buffer, 0, sizeBits / 8));
        }
        Arrays.fill(buffer, (byte) 0);
        return keys;
    }
}

package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Splitting API paths at {@code yang-ext:mount}. */
final class MountPathsTest {
    @Test
    void splitsAtTheMountSegment() throws RestconfException {
        assertEquals(Optional.of(new MountPaths("m:net/node=a", "d:top/x=1")),
            MountPaths.split("m:net/node=a/yang-ext:mount/d:top/x=1"));
        assertEquals(Optional.of(new MountPaths("m:net/node=a", "")), MountPaths.split("m:net/node=a/yang-ext:mount"));
        assertEquals(Optional.of(new MountPaths("m:net/node=a", "d:top")),
            MountPaths.split("m:net/node=a/yang-ext%3Amount/d:top"));
    }

    @Test
    void leavesOtherPathsAlone() throws RestconfException {
        assertTrue(MountPaths.split("m:net/node=a").isEmpty());
        assertTrue(MountPaths.split("m:net/node=yang-ext:mount").isEmpty());
        assertTrue(MountPaths.split("").isEmpty());
    }

    @Test
    void refusesAMountWithoutANodeOrInsideAMount() {
        assertEquals(400, assertThrows(RestconfException.class, () -> MountPaths.split("yang-ext:mount/d:top"))
            .status());
        assertEquals(400, assertThrows(RestconfException.class,
            () -> MountPaths.split("m:n/node=a/yang-ext:mount/d:t/e=1/yang-ext:mount")).status());
        assertEquals(400, assertThrows(RestconfException.class,
            () -> MountPaths.split("m:n/node=a/yang-ext:mount/")).status());
    }
}

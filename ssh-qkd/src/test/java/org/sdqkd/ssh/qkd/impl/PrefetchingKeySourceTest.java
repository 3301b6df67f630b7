package org.sdqkd.ssh.qkd.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sdqkd.ssh.qkd.api.CloseableKeySource;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.QkdKeySources;
import org.sdqkd.ssh.qkd.testing.InMemoryKms;

/** Keys taken ahead: each handed out once, each still one its peer can take, stale ones never handed out. */
@Timeout(30)
class PrefetchingKeySourceTest {

    @Test
    void handsOutEachKeyOnceAndThePeerGetsEach() throws Exception {
        final InMemoryKms kms = new InMemoryKms();
        try (CloseableKeySource ahead = QkdKeySources.prefetching(kms.source("a"), Duration.ofMinutes(1))) {
            final Set<UUID> ids = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                final QkdKey key = ahead.newKey("b");
                assertEquals(true, ids.add(key.id()), "key_ID twice");
                assertEquals(key.id(), kms.source("b").keyById("a", key.id()).id());
                Thread.sleep(5);
            }
        }
    }

    @Test
    void aKeyOlderThanTheMaximumAgeIsNotHandedOut() throws Exception {
        final InMemoryKms kms = new InMemoryKms();
        try (CloseableKeySource ahead = QkdKeySources.prefetching(kms.source("a"), Duration.ofMillis(50))) {
            final QkdKey first = ahead.newKey("b");
            Thread.sleep(300);
            final int taken = kms.encKeys();
            final QkdKey second = ahead.newKey("b");
            assertNotEquals(first.id(), second.id());
            // the stale key was dropped: the second came from the KME at call time
            assertEquals(taken + 1 <= kms.encKeys(), true);
            assertEquals(second.id(), kms.source("b").keyById("a", second.id()).id());
        }
    }
}

package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LoginThrottleTest {
    @Test
    void doublesTheDelayPerFailureUpToTheMaximum() {
        final LoginThrottle throttle = new LoginThrottle(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofMinutes(1));
        assertEquals(Duration.ofSeconds(1), throttle.failed("192.0.2.1", "admin"));
        assertEquals(Duration.ofSeconds(2), throttle.failed("192.0.2.1", "admin"));
        assertEquals(Duration.ofSeconds(4), throttle.failed("192.0.2.1", "admin"));
        assertEquals(Duration.ofSeconds(5), throttle.failed("192.0.2.1", "admin"));
        assertEquals(Duration.ofSeconds(5), throttle.failed("192.0.2.1", null));
    }

    @Test
    void countsPerUserAcrossAddresses() {
        final LoginThrottle throttle = new LoginThrottle(Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(1));
        throttle.failed("192.0.2.1", "admin");
        throttle.failed("192.0.2.2", "admin");
        assertEquals(Duration.ofSeconds(4), throttle.failed("192.0.2.3", "admin"),
            "a third address guessing the same user waits as long as a third guess");
        assertEquals(Duration.ofSeconds(1), throttle.failed("192.0.2.4", "operator"));
    }

    @Test
    void makesAFailedSourceWaitUntilSuccessForgetsIt() {
        final LoginThrottle throttle = new LoginThrottle(Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofMinutes(10));
        assertFalse(throttle.isWaiting("192.0.2.1"));
        throttle.failed("192.0.2.1", "admin");
        assertTrue(throttle.isWaiting("192.0.2.1"));
        assertFalse(throttle.isWaiting("192.0.2.2"));
        throttle.succeeded("192.0.2.1");
        assertFalse(throttle.isWaiting("192.0.2.1"));
    }

    @Test
    void forgetsFailuresAfterAQuietPeriod() throws InterruptedException {
        final LoginThrottle throttle = new LoginThrottle(Duration.ofMillis(1), Duration.ofSeconds(1),
            Duration.ofMillis(20));
        throttle.failed("192.0.2.1", "admin");
        throttle.failed("192.0.2.1", "admin");
        Thread.sleep(50);
        assertEquals(Duration.ofMillis(1), throttle.failed("192.0.2.1", "admin"));
    }

    @Test
    void keepsBoundedMemory() {
        final LoginThrottle throttle = new LoginThrottle(Duration.ofMinutes(1), Duration.ofMinutes(1),
            Duration.ofMinutes(10));
        throttle.failed("192.0.2.1", null);
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("10.0." + (i >> 8) + "." + (i & 0xff), null);
        }
        assertFalse(throttle.isWaiting("192.0.2.1"), "the oldest entries are dropped");
        assertTrue(throttle.entries() <= 4096);
    }
}

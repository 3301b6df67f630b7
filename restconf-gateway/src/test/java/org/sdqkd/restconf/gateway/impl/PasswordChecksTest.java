package org.sdqkd.restconf.gateway.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.sdqkd.datastore.api.PasswordHash;

final class PasswordChecksTest {
    private static final PasswordHash HASH = PasswordHash.hash("secret".toCharArray(), PasswordHash.MIN_ITERATIONS);

    @Test
    void acceptsOnlyTheUsersPassword() {
        try (PasswordChecks checks = new PasswordChecks(Map.of("admin", HASH), 1, Duration.ofMinutes(1))) {
            assertTrue(checks.check("admin", "secret".toCharArray()).join());
            assertFalse(checks.check("admin", "Secret".toCharArray()).join());
            assertFalse(checks.check("nobody", "secret".toCharArray()).join());
            assertFalse(checks.check("admin", new char[0]).join());
        }
    }

    @Test
    void remembersAMatchedPasswordWithoutHashingAgain() {
        try (PasswordChecks checks = new PasswordChecks(Map.of("admin", HASH), 1, Duration.ofMinutes(1))) {
            assertTrue(checks.check("admin", "secret".toCharArray()).join());
            final CompletableFuture<Boolean> again = checks.check("admin", "secret".toCharArray());
            assertTrue(again.isDone(), "a remembered password is answered without a worker");
            assertTrue(again.join());
            assertFalse(checks.check("admin", "other".toCharArray()).join());
        }
    }

    @Test
    void erasesThePasswordOnceChecked() {
        try (PasswordChecks checks = new PasswordChecks(Map.of("admin", HASH), 1, Duration.ofMinutes(1))) {
            final char[] password = "secret".toCharArray();
            checks.check("admin", password).join();
            assertEquals("\0\0\0\0\0\0", new String(password));
        }
    }

    @Test
    void refusesChecksBeyondTheBoundAsBusy() {
        final PasswordHash slow = PasswordHash.hash("secret".toCharArray(), 200_000);
        try (PasswordChecks checks = new PasswordChecks(Map.of("admin", slow), 1, Duration.ofMinutes(1))) {
            final List<CompletableFuture<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(checks.check("admin", ("guess" + i).toCharArray()));
            }
            final long busy = all.stream().filter(future -> future.isCompletedExceptionally()).count();
            assertTrue(busy >= 40 - 1 - 16, "one running and 16 waiting at most, the rest refused: " + busy);
            final CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                CompletionException.class, () -> all.getLast().join());
            assertTrue(failure.getCause() instanceof RejectedExecutionException);
        }
    }
}

package org.sdqkd.restconf.gateway.impl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sdqkd.datastore.api.PasswordHash;

/**
 * Checks HTTP Basic passwords against the users' PBKDF2 hashes with bounded work: at most {@code workers} hash
 * checks run at once, a few more wait, and the rest are refused as busy, so strangers cannot burn the CPU. A name
 * without a password costs as much to refuse as a wrong password (a decoy hash with the most iterations), so the
 * answer time does not tell which names exist. Passwords that matched are remembered for a while as an HMAC under
 * a random per-process key (never the password), so a client sending Basic on every request pays PBKDF2 once.
 */
final class PasswordChecks implements AutoCloseable {
    private static final int REMEMBERED = 1024;
    private static final int WAITING = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, PasswordHash> hashes;
    private final PasswordHash decoy;
    private final ThreadPoolExecutor workers;
    private final SecretKeySpec rememberKey;
    private final long rememberNanos;
    private final Map<String, Long> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * Takes the users' hashes.
     *
     * @param hashes   user name to hash
     * @param workers  how many hash checks may run at once
     * @param remember how long a matched password is remembered
     */
    PasswordChecks(final Map<String, PasswordHash> hashes, final int workers, final Duration remember) {
        this.hashes = Map.copyOf(hashes);
        final int iterations = hashes.values().stream().mapToInt(PasswordHash::iterations).max()
            .orElse(PasswordHash.MIN_ITERATIONS);
        final char[] chars = new char[24];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + RANDOM.nextInt(26));
        }
        decoy = PasswordHash.hash(chars, iterations);
        Arrays.fill(chars, '\0');
        final byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        rememberKey = new SecretKeySpec(key, "HmacSHA256");
        rememberNanos = remember.toNanos();
        this.workers = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), Thread.ofPlatform().daemon().name("restconf-password-", 0).factory());
        this.workers.allowCoreThreadTimeOut(true);
    }

    /**
     * Checks a password. The answer is immediate for a password that matched recently; otherwise the check runs on
     * one of the bounded workers.
     *
     * @param user     the user name the client sent
     * @param password the password; erased once checked
     * @return whether the user has this password; completed with {@link RejectedExecutionException} when too many
     *     checks are under way
     */
    CompletableFuture<Boolean> check(final String user, final char[] password) {
        final String token = token(user, password);
        if (isRemembered(token)) {
            Arrays.fill(password, '\0');
            return CompletableFuture.completedFuture(Boolean.TRUE);
        }
        final CompletableFuture<Boolean> result = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                final boolean matches;
                try {
                    final PasswordHash hash = hashes.get(user);
                    matches = (hash == null ? decoy : hash).verify(password) && hash != null;
                } finally {
                    Arrays.fill(password, '\0');
                }
                if (matches) {
                    remember(token);
                }
                result.complete(matches);
            });
        } catch (RejectedExecutionException e) {
            Arrays.fill(password, '\0');
            result.completeExceptionally(e);
        }
        return result;
    }

    private String token(final String user, final char[] password) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(rememberKey);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            final byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
            final String token = HexFormat.of().formatHex(mac.doFinal(bytes));
            Arrays.fill(bytes, (byte) 0);
            return token;
        } catch (GeneralSecurityException e) {
            // every Java SE implementation has HmacSHA256
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private synchronized boolean isRemembered(final String token) {
        final Long until = remembered.get(token);
        if (until == null) {
            return false;
        }
        if (until - System.nanoTime() < 0) {
            remembered.remove(token);
            return false;
        }
        return true;
    }

    private synchronized void remember(final String token) {
        remembered.put(token, System.nanoTime() + rememberNanos);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

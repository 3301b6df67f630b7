package org.sdqkd.datastore.api;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted password hash as the server configuration stores it: PBKDF2 with HMAC-SHA-256 (RFC 8018 section 5.2)
 * from the JDK, a random 16-byte salt per password and a stored iteration count. The stored form is a PHC-style
 * string:
 *
 * <pre>{@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>}</pre>
 *
 * <p>where {@code <salt>} and {@code <hash>} (32 bytes) are standard Base64 without padding (RFC 4648 section 4),
 * and the password is encoded as UTF-8. {@link #verify} compares in constant time. {@link #toString()} shows
 * neither salt nor hash.
 */
public final class PasswordHash {

    /** The algorithm identifier in the stored form. */
    public static final String ALGORITHM = "pbkdf2-sha256";

    /** The iteration count {@link #hash(char[])} uses (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;

    /** The smallest iteration count accepted. */
    public static final int MIN_ITERATIONS = 1_000;

    private static final String JCA_NAME = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "$" + ALGORITHM + "$i=";
    private static final int SALT_BYTES = 16;
    private static final int MIN_SALT_BYTES = 8;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a password with a new random salt and {@link #DEFAULT_ITERATIONS}. The caller should erase the
     * password afterwards.
     *
     * @param password the password, not empty
     * @return its hash
     */
    public static PasswordHash hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /**
     * Hashes a password with a new random salt and the given iteration count.
     *
     * @param password the password, not empty
     * @param iterations the PBKDF2 iteration count, at least {@link #MIN_ITERATIONS}
     * @return its hash
     */
    public static PasswordHash hash(char[] password, int iterations) {
        requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("empty password");
        }
        checkIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations));
    }

    /**
     * Reads a hash in its stored form.
     *
     * @param encoded the stored form, {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>}
     * @return the hash
     * @throws IllegalArgumentException if {@code encoded} is not in that form
     */
    public static PasswordHash parse(String encoded) {
        requireNonNull(encoded, "encoded");
        if (!encoded.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a " + ALGORITHM + " hash; expected " + PREFIX + "...");
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected " + PREFIX + "<iterations>$<salt>$<hash>");
        }
        int iterations;
        byte[] salt;
        byte[] hash;
        try {
            iterations = Integer.parseInt(parts[0]);
            salt = Base64.getDecoder().decode(parts[1]);
            hash = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed " + ALGORITHM + " hash: " + e.getMessage(), e);
        }
        checkIterations(iterations);
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("salt shorter than " + MIN_SALT_BYTES + " bytes");
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("hash is not " + HASH_BYTES + " bytes");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    /**
     * Tells whether a password matches this hash, comparing in constant time. The caller should erase the password
     * afterwards.
     *
     * @param password the password to check
     * @return whether it is the password this hash was made from
     */
    public boolean verify(char[] password) {
        requireNonNull(password, "password");
        if (password.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    /**
     * Returns the PBKDF2 iteration count.
     *
     * @return the iteration count
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Returns the stored form, as {@link #parse} reads it.
     *
     * @return {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>}
     */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PasswordHash other && iterations == other.iterations
            && Arrays.equals(salt, other.salt) && MessageDigest.isEqual(hash, other.hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "PasswordHash[" + ALGORITHM + ", i=" + iterations + "]";
    }

    private static void checkIterations(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("fewer than " + MIN_ITERATIONS + " iterations: " + iterations);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * Byte.SIZE);
        try {
            return SecretKeyFactory.getInstance(JCA_NAME).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // every Java SE implementation has PBKDF2WithHmacSHA256
            throw new IllegalStateException(JCA_NAME + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}

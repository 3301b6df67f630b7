package org.sdqkd.datastore.impl;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals the secret values of a datastore with AES-256-GCM: a file is the format tag, a random 96-bit nonce and
 * the ciphertext with its 128-bit tag. The additional authenticated data binds the file to its datastore and to
 * the clear document it completes, so a file cannot be swapped for another undetected.
 */
final class SecretCipher {
    private static final byte[] FORMAT = "sdqkd-secrets/1\n".getBytes(US_ASCII);
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KeyFile keyFile;
    private final SecureRandom random;

    SecretCipher(final KeyFile keyFile, final SecureRandom random) {
        this.keyFile = keyFile;
        this.random = random;
    }

    /**
     * Encrypts with the datastore key, creating it on first use.
     *
     * @param plaintext what to seal
     * @param binding   the additional authenticated data
     * @return the file content
     */
    byte[] seal(final byte[] plaintext, final byte[] binding) throws IOException {
        final byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            final Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keyFile.getOrCreate().secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(FORMAT);
            cipher.updateAAD(binding);
            final byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(FORMAT.length + NONCE_LENGTH + sealed.length)
                .put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Decrypts and authenticates a sealed file.
     *
     * @param file    the file content
     * @param binding the additional authenticated data it was sealed with
     * @return the plaintext; the caller erases it when done
     * @throws IOException when the file is damaged, of another format, sealed with another key or for another
     *                     binding, or when there is no key
     */
    byte[] open(final byte[] file, final byte[] binding) throws IOException {
        if (file.length < FORMAT.length + NONCE_LENGTH || !Arrays.equals(file, 0, FORMAT.length, FORMAT, 0,
                FORMAT.length)) {
            throw new IOException("not a sealed secrets file");
        }
        final DatastoreKey key = keyFile.existing()
            .orElseThrow(() -> new IOException("secret values are stored but " + KeyFile.NAME + " is missing"));
        try {
            final Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                new GCMParameterSpec(TAG_BITS, file, FORMAT.length, NONCE_LENGTH));
            cipher.updateAAD(FORMAT);
            cipher.updateAAD(binding);
            final int start = FORMAT.length + NONCE_LENGTH;
            return cipher.doFinal(file, start, file.length - start);
        } catch (AEADBadTagException e) {
            throw new IOException("secret values fail authentication: wrong key, damaged file or wrong document", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}

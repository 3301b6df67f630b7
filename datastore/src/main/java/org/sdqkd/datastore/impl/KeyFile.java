package org.sdqkd.datastore.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file {@value #NAME} in the datastore directory: 32 random bytes, readable by the owner only (0600), created
 * durably the first time a secret value is stored. The key is read once and kept until {@link #close()}.
 */
final class KeyFile implements AutoCloseable {
    /** The key file's name. */
    static final String NAME = "datastore.key";

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final SecureRandom random;
    private DatastoreKey key;

    KeyFile(final Path directory, final SecureRandom random) {
        this.directory = directory;
        this.random = random;
    }

    /** The key, read from the file, or created with the file when there is none. */
    synchronized DatastoreKey getOrCreate() throws IOException {
        final Optional<DatastoreKey> existing = existing();
        if (existing.isPresent()) {
            return existing.orElseThrow();
        }
        final byte[] bytes = new byte[DatastoreKey.LENGTH];
        random.nextBytes(bytes);
        try {
            DurableFiles.replace(directory, NAME, bytes);
            key = DatastoreKey.of(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        LOG.info("Created the datastore key file {}", directory.resolve(NAME));
        return key;
    }

    /** The key, read from the file, or empty when there is no file. */
    synchronized Optional<DatastoreKey> existing() throws IOException {
        if (key != null) {
            return Optional.of(key);
        }
        final Path file = directory.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.warn("{} was readable by others ({}); restricting it to its owner", file,
                PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        final byte[] bytes = Files.readAllBytes(file);
        try {
            if (bytes.length != DatastoreKey.LENGTH) {
                throw new IOException(file + " does not hold a " + DatastoreKey.LENGTH + "-byte key");
            }
            key = DatastoreKey.of(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return Optional.of(key);
    }

    /** Erases the key from memory. */
    @Override
    public synchronized void close() {
        if (key != null) {
            key.erase();
            key = null;
        }
    }
}

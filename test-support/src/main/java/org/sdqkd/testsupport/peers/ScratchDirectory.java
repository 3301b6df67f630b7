package org.sdqkd.testsupport.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A temporary directory that a fixture owns and deletes, with everything in it, when it is closed (or at JVM exit
 * if it never is).
 */
final class ScratchDirectory implements AutoCloseable {

    private final Path root;
    private boolean closed;
    /** Guards {@code closed}: a second {@link #close()} waits until the first is done. */
    private final Object closeLock = new Object();

    private ScratchDirectory(final Path root) {
        this.root = root;
    }

    /**
     * Creates a new directory under {@code java.io.tmpdir}.
     *
     * @param prefix the start of its name
     * @param worldTraversable whether other users may enter it ({@code rwxr-xr-x}), as a program that runs as another
     *     user (the test user's {@code netconf-subsystem}) must; otherwise only the owner may ({@code rwx------})
     * @return the directory
     */
    static ScratchDirectory create(final String prefix, final boolean worldTraversable) {
        try {
            Path root = Files.createTempDirectory(prefix);
            if (worldTraversable) {
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            ScratchDirectory directory = new ScratchDirectory(root);
            ShutdownGuard.register(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory", e);
        }
    }

    /**
     * Returns the directory.
     *
     * @return its path
     */
    Path root() {
        return root;
    }

    /**
     * Creates a subdirectory (and its parents) with the given permissions.
     *
     * @param name its path relative to the root
     * @param permissions POSIX permissions such as {@code rwx------}
     * @return its path
     */
    Path directory(final String name, final String permissions) {
        try {
            Path dir = Files.createDirectories(root.resolve(name));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + name + " in " + root, e);
        }
    }

    /**
     * Deletes the directory and everything in it. Idempotent.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            ShutdownGuard.unregister(this);
            deleteTree(root);
        }
    }

    /**
     * Deletes a file tree; files that vanish meanwhile are ignored.
     *
     * @param top the top of the tree
     */
    static void deleteTree(final Path top) {
        if (!Files.exists(top)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(top)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + top, e);
        }
        for (Path path : paths) {
            try {
                Files.deleteIfExists(path);
            } catch (NoSuchFileException e) {
                // gone already
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + path, e);
            }
        }
    }

    @Override
    public String toString() {
        return "ScratchDirectory[" + root + "]";
    }
}

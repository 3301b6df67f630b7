package org.sdqkd.datastore.impl;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces files so that a crash at any moment leaves either the old or the new content, never a mix: the new
 * content goes to a temporary file in the same directory, is forced to disk, renamed atomically over the old
 * file, and the directory is forced so that the rename itself is durable. Files are readable by their owner only.
 */
final class DurableFiles {
    /** Suffix of the temporary files; one left behind by a crash is garbage and is deleted on open. */
    static final String TEMPORARY_SUFFIX = ".tmp";

    private static final FileAttribute<Set<java.nio.file.attribute.PosixFilePermission>> OWNER_ONLY =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private DurableFiles() {
        // no instances
    }

    /**
     * Durably replaces (or creates) a file. When this returns, the new content survives a crash.
     *
     * @param directory the directory of the file
     * @param name      the file's name
     * @param content   its new content
     * @throws IOException when any step fails; the old content is then still in place
     */
    static void replace(final Path directory, final String name, final byte[] content) throws IOException {
        final Path temporary = directory.resolve(name + TEMPORARY_SUFFIX);
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary, Set.of(CREATE_NEW, WRITE), OWNER_ONLY)) {
            final ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(directory);
    }

    /**
     * Durably deletes a file, if it exists.
     *
     * @param directory the directory of the file
     * @param name      the file's name
     * @throws IOException when the deletion or the directory sync fails
     */
    static void delete(final Path directory, final String name) throws IOException {
        if (Files.deleteIfExists(directory.resolve(name))) {
            syncDirectory(directory);
        }
    }

    /** Forces a directory's entries (creations, renames, deletions) to disk. */
    static void syncDirectory(final Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, READ)) {
            channel.force(true);
        }
    }
}

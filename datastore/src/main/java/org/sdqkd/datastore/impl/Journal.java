package org.sdqkd.datastore.impl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.opendaylight.yangtools.yang.data.codec.binfmt.DataTreeCandidateInputOutput;
import org.opendaylight.yangtools.yang.data.codec.binfmt.NormalizedNodeDataInput;
import org.opendaylight.yangtools.yang.data.codec.binfmt.NormalizedNodeDataOutput;
import org.opendaylight.yangtools.yang.data.codec.binfmt.NormalizedNodeStreamVersion;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;

/**
 * The commits of one persistent datastore since its stored document: an append-only file of records, each
 * {@code [length][CRC-32C][sealed commit]}, where the commit is a yangtools data tree candidate in the
 * binary NormalizedNode format, sealed by {@link SecretCipher} as a whole (it may carry secret values) and
 * bound to its datastore, document and position. A commit is durable once its record is forced to disk; a
 * record torn by a crash was never acknowledged and is cut off when the journal is read.
 */
final class Journal implements AutoCloseable {
    private static final int HEADER = Integer.BYTES * 2;

    private final FileChannel channel;
    private final SecretCipher cipher;
    private final String binding;
    private long size;
    private int records;

    private Journal(final FileChannel channel, final SecretCipher cipher, final String binding) {
        this.channel = channel;
        this.cipher = cipher;
        this.binding = binding;
    }

    /**
     * Opens (creating it durably if needed) the journal of the stored document named {@code documentDigest}.
     *
     * @param file the journal file
     * @param cipher seals and opens records
     * @param binding what records are bound to: the datastore and its document
     */
    static Journal open(final Path file, final SecretCipher cipher, final String binding) throws IOException {
        final Path directory = file.toAbsolutePath().getParent();
        if (directory == null) {
            throw new IOException(file + " has no directory");
        }
        final boolean created = !Files.exists(file);
        final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        if (created) {
            DurableFiles.syncDirectory(directory);
        }
        return new Journal(channel, cipher, binding);
    }

    /** Reads every whole record, cutting off a torn one at the end, and returns their commits in order. */
    List<DataTreeCandidate> readAll() throws IOException {
        final List<DataTreeCandidate> commits = new ArrayList<>();
        final long length = channel.size();
        long position = 0;
        while (position + HEADER <= length) {
            final ByteBuffer header = ByteBuffer.allocate(HEADER);
            channel.read(header, position);
            header.flip();
            final int recordLength = header.getInt();
            final int crc = header.getInt();
            if (recordLength <= 0 || position + HEADER + recordLength > length) {
                break;
            }
            final ByteBuffer sealed = ByteBuffer.allocate(recordLength);
            channel.read(sealed, position + HEADER);
            if (crc32c(sealed.array()) != crc) {
                break;
            }
            final byte[] plain = cipher.open(sealed.array(), binding(commits.size()));
            try {
                commits.add(DataTreeCandidateInputOutput.readDataTreeCandidate(
                    NormalizedNodeDataInput.newDataInput(new DataInputStream(new ByteArrayInputStream(plain)))));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
            position += HEADER + recordLength;
        }
        if (position < length) {
            // a record torn by a crash: it was never acknowledged
            channel.truncate(position);
            channel.force(false);
        }
        size = position;
        records = commits.size();
        return commits;
    }

    /** Appends a commit; when this returns, the record is on disk. */
    void append(final DataTreeCandidate commit) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NormalizedNodeDataOutput out = NormalizedNodeStreamVersion.current()
                .newDataOutput(new DataOutputStream(bytes))) {
            DataTreeCandidateInputOutput.writeDataTreeCandidate(out, commit);
        }
        final byte[] plain = bytes.toByteArray();
        final byte[] sealed;
        try {
            sealed = cipher.seal(plain, binding(records));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        final ByteBuffer record = ByteBuffer.allocate(HEADER + sealed.length);
        record.putInt(sealed.length).putInt(crc32c(sealed)).put(sealed).flip();
        long at = size;
        while (record.hasRemaining()) {
            at += channel.write(record, at);
        }
        channel.force(false);
        size = at;
        records++;
    }

    /** The journal's size in bytes. */
    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private byte[] binding(final int index) {
        return (binding + "\njournal\n" + index).getBytes(UTF_8);
    }

    private static int crc32c(final byte[] bytes) {
        final CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}

package org.sdqkd.datastore.impl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.InstanceDocumentCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted datastores in one directory. Each is a clear XML document {@code <name>.xml} written by the
 * {@link InstanceDocumentCodec} without its secret values, and, when it has any, the file
 * {@code <name>-<sha256 of the clear document>.secrets} holding them sealed by {@link SecretCipher}. The secrets file
 * is made durable before the clear document that names it, and replaced ones are deleted after, so a crash at any
 * moment leaves a matching pair. Commits after the document are appended to its journal
 * {@code <name>-<sha256 of the clear document>.journal} ({@link Journal}), which is folded into a new
 * document when it grows past {@value #JOURNAL_LIMIT} bytes; a journal is only ever read with the document it
 * names, so a crash while a new document replaces the old one leaves a consistent pair either way. A lock on
 * {@value #LOCK_FILE} keeps other processes out.
 */
final class DocumentStore implements AutoCloseable {
    /** The file locked while a process uses the directory. */
    static final String LOCK_FILE = "datastore.lock";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentStore.class);
    private static final String SECRETS_SUFFIX = ".secrets";
    private static final String JOURNAL_SUFFIX = ".journal";
    private static final String SEALED_SUFFIX = ".sealed";
    /** A journal larger than this is folded into a new stored document at the next commit. */
    private static final long JOURNAL_LIMIT = 8L << 20;

    private final Path directory;
    private final InstanceDocumentCodec codec;
    private final SecretSchema secretSchema;
    private final KeyFile keyFile;
    private final SecretCipher cipher;
    private final FileChannel lockChannel;
    /** The journal of each persistent datastore's current stored document. */
    private final Map<DatastoreName, Journal> journals = new EnumMap<>(DatastoreName.class);

    private DocumentStore(final Path directory, final EffectiveModelContext context, final FileChannel lockChannel) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        codec = new YangInstanceDocuments(context);
        secretSchema = SecretSchema.of(context);
        final SecureRandom random = new SecureRandom();
        keyFile = new KeyFile(directory, random);
        cipher = new SecretCipher(keyFile, random);
    }

    /**
     * Opens a directory, creating it if needed, takes its lock and deletes the temporary files an interrupted
     * write left behind.
     *
     * @throws IOException when the directory cannot be used or another process holds it
     */
    static DocumentStore open(final Path directory, final EffectiveModelContext context) throws IOException {
        Files.createDirectories(directory);
        final FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        try {
            final FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException(directory + " is in use by another process");
            }
            deleteMatching(directory, "*" + DurableFiles.TEMPORARY_SUFFIX, "");
            return new DocumentStore(directory, context, channel);
        } catch (IOException | OverlappingFileLockException e) {
            channel.close();
            throw e instanceof IOException io ? io : new IOException(directory + " is already open", e);
        }
    }

    /**
     * Reads a persisted datastore and deletes secrets files that no longer match it.
     *
     * @return the clear content and its secrets, or empty when the datastore was never stored
     * @throws IOException when a file cannot be read, decrypted or parsed
     */
    Optional<StoredContent> load(final DatastoreName name) throws IOException {
        final Path clearFile = directory.resolve(clearName(name));
        if (!Files.exists(clearFile)) {
            deleteMatching(directory, name.yangName() + "-*" + SECRETS_SUFFIX, "");
            deleteMatching(directory, name.yangName() + "-*" + JOURNAL_SUFFIX, "");
            return Optional.empty();
        }
        final byte[] clear = Files.readAllBytes(clearFile);
        final String digest = sha256(clear);
        final Path secretsFile = directory.resolve(secretsName(name, digest));
        Optional<ContainerNode> secrets = Optional.empty();
        if (Files.exists(secretsFile)) {
            final byte[] plain = cipher.open(Files.readAllBytes(secretsFile), binding(name, digest));
            try {
                secrets = Optional.of(parse(name, plain));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        }
        deleteMatching(directory, name.yangName() + "-*" + SECRETS_SUFFIX, secretsName(name, digest));
        final List<DataTreeCandidate> commits = openJournal(name, digest).readAll();
        return Optional.of(new StoredContent(parse(name, clear), secrets, commits));
    }

    /**
     * Durably records a commit of a persistent datastore; when this returns, it survives a crash. Appends it
     * to the journal of the stored document, or stores the whole content when there is no stored document
     * yet or the journal has grown past its limit.
     *
     * @param commit the commit, as the datastore's data tree prepared it
     * @param after the datastore's content after it
     * @throws IOException when it could not be stored; what was stored before is then still in place
     */
    void commit(final DatastoreName name, final DataTreeCandidate commit, final ContainerNode after)
            throws IOException {
        final Journal journal = journals.get(name);
        // a replacement of the whole content (copy-config, delete-config) is stored as a document
        if (journal == null || journal.size() > JOURNAL_LIMIT
                || commit.getRootNode().modificationType() != ModificationType.SUBTREE_MODIFIED) {
            save(name, after);
        } else {
            journal.append(commit);
        }
    }

    /**
     * Durably stores a datastore's content; when this returns, it survives a crash.
     *
     * @throws IOException when it could not be stored; what was stored before is then still in place
     */
    void save(final DatastoreName name, final ContainerNode root) throws IOException {
        final SecretSplitter.Split split = SecretSplitter.split(root, secretSchema);
        final byte[] clear = serialize(split.clear());
        final String digest = sha256(clear);
        final String secretsName = secretsName(name, digest);
        if (split.secrets().isPresent()) {
            final byte[] plain = serialize(split.secrets().orElseThrow());
            try {
                DurableFiles.replace(directory, secretsName, cipher.seal(plain, binding(name, digest)));
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } else {
            // the same clear document may have had secrets that are now gone
            DurableFiles.delete(directory, secretsName);
        }
        DurableFiles.replace(directory, clearName(name), clear);
        deleteMatching(directory, name.yangName() + "-*" + SECRETS_SUFFIX, secretsName);
        openJournal(name, digest);
    }

    /** Durably replaces the sealed state kept under a name. */
    void storeSealed(final String name, final byte[] content) throws IOException {
        DurableFiles.replace(directory, sealedName(name), cipher.seal(content, sealedBinding(name)));
    }

    /** The sealed state kept under a name, opened. */
    Optional<byte[]> loadSealed(final String name) throws IOException {
        final Path file = directory.resolve(sealedName(name));
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(cipher.open(Files.readAllBytes(file), sealedBinding(name)));
    }

    /** Durably deletes the sealed state kept under a name. */
    void deleteSealed(final String name) throws IOException {
        DurableFiles.delete(directory, sealedName(name));
    }

    private static String sealedName(final String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("not a sealed state name: " + name);
        }
        return name + SEALED_SUFFIX;
    }

    private static byte[] sealedBinding(final String name) {
        return ("sealed\n" + name).getBytes(UTF_8);
    }

    /** Opens the journal of the stored document with the given digest and deletes any other of the datastore. */
    private Journal openJournal(final DatastoreName name, final String digest) throws IOException {
        final Journal previous = journals.remove(name);
        if (previous != null) {
            previous.close();
        }
        final String fileName = name.yangName() + "-" + digest + JOURNAL_SUFFIX;
        deleteMatching(directory, name.yangName() + "-*" + JOURNAL_SUFFIX, fileName);
        final Journal journal = Journal.open(directory.resolve(fileName), cipher,
            name.yangName() + "\n" + digest);
        journals.put(name, journal);
        return journal;
    }

    @Override
    public void close() throws IOException {
        for (Journal journal : journals.values()) {
            journal.close();
        }
        journals.clear();
        keyFile.close();
        lockChannel.close();
    }

    private ContainerNode parse(final DatastoreName name, final byte[] document) throws IOException {
        try {
            return codec.read(new StringReader(new String(document, UTF_8)), DocumentFormat.XML);
        } catch (DocumentException e) {
            throw new IOException("the stored " + name.yangName() + " datastore does not fit the models: "
                + e.error(), e);
        }
    }

    private byte[] serialize(final ContainerNode root) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, UTF_8)) {
            codec.write(root, DocumentFormat.XML, writer);
        }
        return out.toByteArray();
    }

    private static String clearName(final DatastoreName name) {
        return name.yangName() + ".xml";
    }

    private static String secretsName(final DatastoreName name, final String digest) {
        return name.yangName() + "-" + digest + SECRETS_SUFFIX;
    }

    private static byte[] binding(final DatastoreName name, final String digest) {
        return (name.yangName() + "\n" + digest).getBytes(UTF_8);
    }

    private static String sha256(final byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Deletes the files matching a glob, except one; these are garbage, so the deletion need not be durable. */
    private static void deleteMatching(final Path directory, final String glob, final String keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, glob)) {
            for (Path file : files) {
                if (!String.valueOf(file.getFileName()).equals(keep)) {
                    LOG.debug("Deleting stale file {}", file);
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * A persisted datastore as read back.
     *
     * @param clear   the clear document's content
     * @param secrets the secret values to merge into it, if any
     * @param journal the commits made after the document, to apply in order
     */
    record StoredContent(ContainerNode clear, Optional<ContainerNode> secrets, List<DataTreeCandidate> journal) {
        StoredContent {
            journal = List.copyOf(journal);
        }
    }
}

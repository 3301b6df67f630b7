package org.sdqkd.datastore.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.opendaylight.yangtools.yang.data.tree.spi.DataTreeCandidates;

class JournalTest {
    private static final long SECRET_SHARE = 1_234_567_890_123L;

    @TempDir
    Path directory;

    private KeyFile keyFile;
    private SecretCipher cipher;

    @BeforeEach
    void setUp() {
        final SecureRandom random = new SecureRandom();
        keyFile = new KeyFile(directory, random);
        cipher = new SecretCipher(keyFile, random);
    }

    @AfterEach
    void tearDown() throws IOException {
        keyFile.close();
    }

    @Test
    void replaysCommitsInOrderAfterReopening() throws Exception {
        final List<DataTreeCandidate> written = commits(5);
        try (Journal journal = Journal.open(file(), cipher, "running\nd1")) {
            for (DataTreeCandidate commit : written) {
                journal.append(commit);
            }
        }
        try (Journal journal = Journal.open(file(), cipher, "running\nd1")) {
            final List<DataTreeCandidate> read = journal.readAll();
            assertEquals(5, read.size());
            assertEquals(rootAfter(written), rootAfter(read));
        }
    }

    @Test
    void cutsOffARecordTornByACrash() throws Exception {
        try (Journal journal = Journal.open(file(), cipher, "running\nd1")) {
            for (DataTreeCandidate commit : commits(3)) {
                journal.append(commit);
            }
        }
        final long whole = Files.size(file());
        try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.WRITE)) {
            channel.truncate(whole - 5);
        }
        try (Journal journal = Journal.open(file(), cipher, "running\nd1")) {
            assertEquals(2, journal.readAll().size());
            final long kept = journal.size();
            assertEquals(kept, Files.size(file()), "the torn record stays on disk");
            journal.append(commits(1).get(0));
        }
        try (Journal journal = Journal.open(file(), cipher, "running\nd1")) {
            assertEquals(3, journal.readAll().size());
        }
    }

    @Test
    void refusesRecordsOfAnotherDocument() throws Exception {
        try (Journal journal = Journal.open(file(), cipher, "running\nd1")) {
            journal.append(commits(1).get(0));
        }
        try (Journal journal = Journal.open(file(), cipher, "running\nd2")) {
            assertThrows(IOException.class, journal::readAll);
        }
    }

    @Test
    void keepsSecretValuesOutOfTheFile() throws Exception {
        try (Journal journal = Journal.open(file(), cipher, "running\nd1")) {
            for (DataTreeCandidate commit : commits(2)) {
                journal.append(commit);
            }
        }
        final byte[] bytes = Files.readAllBytes(file());
        final String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(Long.toString(SECRET_SHARE)), "secret value in clear");
        assertFalse(text.contains("secret-share"), "commit content in clear");
    }

    private Path file() {
        return directory.resolve("running-d1.journal");
    }

    /** Commits that each set the pot profiles with another secret share, as a data tree prepares them. */
    private static List<DataTreeCandidate> commits(final int count) throws Exception {
        final DataTree tree = tree();
        final List<DataTreeCandidate> commits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final DataTreeModification mod = tree.takeSnapshot().newModification();
            mod.write(TestData.POT_PATH, TestData.topLevel(TestData.potProfiles(SECRET_SHARE + i)));
            mod.ready();
            tree.validate(mod);
            final DataTreeCandidate candidate = tree.prepare(mod);
            tree.commit(candidate);
            commits.add(candidate);
        }
        return commits;
    }

    private static ContainerNode rootAfter(final List<DataTreeCandidate> commits) throws Exception {
        final DataTree tree = tree();
        for (DataTreeCandidate commit : commits) {
            final DataTreeModification mod = tree.takeSnapshot().newModification();
            DataTreeCandidates.applyToModification(mod, commit);
            mod.ready();
            tree.validate(mod);
            tree.commit(tree.prepare(mod));
        }
        return (ContainerNode) tree.takeSnapshot().readNode(YangInstanceIdentifier.of()).orElseThrow();
    }

    private static DataTree tree() {
        return new InMemoryDataTreeFactory().create(DataTreeConfiguration.DEFAULT_OPERATIONAL, TestData.CONTEXT);
    }
}

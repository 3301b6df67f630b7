package org.sdqkd.datastore.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;

/** Persistence of running and startup, through the datastores that use the store. */
class DocumentStoreTest {
    private static final SessionId ALICE = new SessionId(1, "alice");
    private static final long SECRET_SHARE = 4242424242L;

    @TempDir
    Path directory;

    @Test
    void runningAndStartupSurviveANewInstanceOnTheSameDirectory() throws DatastoreException {
        final ContainerNode content = TestData.root(TestData.sshQkd(4096) + TestData.potProfiles(SECRET_SHARE));
        final ContainerNode startup = TestData.root(TestData.sshQkd(8192));
        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            write(datastores, DatastoreName.STARTUP, startup);
            write(datastores, DatastoreName.RUNNING, content);
        }

        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            assertEquals(content, datastores.snapshot(DatastoreName.RUNNING).root());
            assertEquals(content, datastores.snapshot(DatastoreName.CANDIDATE).root());
            assertEquals(startup, datastores.snapshot(DatastoreName.STARTUP).root());
            assertTrue(datastores.snapshot(DatastoreName.OPERATIONAL).root().body().isEmpty());
        }
    }

    @Test
    void secretValuesAreStoredEncryptedAndComeBackAfterARestart() throws DatastoreException, IOException {
        final ContainerNode content = TestData.root(TestData.potProfiles(SECRET_SHARE));
        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            write(datastores, DatastoreName.RUNNING, content);
        }

        final String clear = Files.readString(directory.resolve("running.xml"));
        assertTrue(clear.contains("<public-polynomial>2345678</public-polynomial>"), clear);
        for (String secret : List.of(TestData.PRIME, Long.toString(SECRET_SHARE), TestData.VALIDATOR_KEY,
                "7654321", "prime-number", "secret-share", "validator-key")) {
            assertFalse(clear.contains(secret), () -> secret + " is in the clear file: " + clear);
        }
        final List<Path> secrets = secretsFiles();
        assertEquals(1, secrets.size());
        final String sealed = new String(Files.readAllBytes(secrets.get(0)), UTF_8);
        assertFalse(sealed.contains(TestData.PRIME) || sealed.contains("secret-share"), "the secrets are encrypted");
        final Path key = directory.resolve(KeyFile.NAME);
        assertEquals(DatastoreKey.LENGTH, Files.size(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            assertEquals(content, datastores.snapshot(DatastoreName.RUNNING).root());
        }
    }

    @Test
    void deletedSecretStaysDeletedWhenTheClearDocumentIsUnchanged() throws DatastoreException {
        final String withKey = TestData.potProfiles(SECRET_SHARE);
        final ContainerNode withoutKey = TestData.root(withKey.replace(
            "<validator-key>" + TestData.VALIDATOR_KEY + "</validator-key>", ""));
        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            write(datastores, DatastoreName.RUNNING, TestData.root(withKey));
            write(datastores, DatastoreName.RUNNING, withoutKey);
        }

        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            assertEquals(withoutKey, datastores.snapshot(DatastoreName.RUNNING).root());
        }
    }

    @Test
    void tornTemporaryFilesAndStaleSecretsAreIgnoredAndRemoved() throws DatastoreException, IOException {
        final ContainerNode content = TestData.root(TestData.sshQkd(4096) + TestData.potProfiles(SECRET_SHARE));
        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            write(datastores, DatastoreName.RUNNING, content);
        }
        final byte[] stored = Files.readAllBytes(directory.resolve("running.xml"));
        Files.write(directory.resolve("running.xml.tmp"), new byte[] {'<', 's', 's', 'h'});
        Files.write(directory.resolve("running-" + "0".repeat(64) + ".secrets"), new byte[] {1, 2, 3});

        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            assertEquals(content, datastores.snapshot(DatastoreName.RUNNING).root());
        }
        assertArrayEquals(stored, Files.readAllBytes(directory.resolve("running.xml")));
        assertFalse(Files.exists(directory.resolve("running.xml.tmp")));
        assertEquals(1, secretsFiles().size());
    }

    @Test
    void secretsUnderAnotherKeyAreRefused() throws DatastoreException, IOException {
        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            write(datastores, DatastoreName.RUNNING, TestData.root(TestData.potProfiles(SECRET_SHARE)));
        }
        Files.write(directory.resolve(KeyFile.NAME), new byte[DatastoreKey.LENGTH]);

        final StorageException failure = assertThrows(StorageException.class,
            () -> Datastores.open(directory, TestData.CONTEXT));
        assertTrue(failure.getMessage().contains("authentication"), failure.getMessage());
    }

    @Test
    void directoryIsUsedByOneInstanceAtATime() throws DatastoreException {
        final Datastores first = Datastores.open(directory, TestData.CONTEXT);
        assertThrows(StorageException.class, () -> Datastores.open(directory, TestData.CONTEXT));
        first.close();
        Datastores.open(directory, TestData.CONTEXT).close();
    }

    @Test
    void deletedStartupStaysEmptyAfterARestart() throws DatastoreException {
        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            write(datastores, DatastoreName.STARTUP, TestData.root(TestData.potProfiles(SECRET_SHARE)));
            datastores.delete(DatastoreName.STARTUP, ALICE);
        }

        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            assertTrue(datastores.snapshot(DatastoreName.STARTUP).root().isEmpty());
        }
    }

    @Test
    void runningStartsFromStartupWhenItWasNeverStored() throws DatastoreException, IOException {
        final ContainerNode startup = TestData.root(TestData.sshQkd(8192) + TestData.potProfiles(SECRET_SHARE));
        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            write(datastores, DatastoreName.STARTUP, startup);
        }
        assertFalse(Files.exists(directory.resolve("running.xml")));

        try (Datastores datastores = Datastores.open(directory, TestData.CONTEXT)) {
            assertEquals(startup, datastores.snapshot(DatastoreName.RUNNING).root());
        }
        assertTrue(Files.exists(directory.resolve("running.xml")), "running is stored once loaded from startup");
    }

    private List<Path> secretsFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".secrets")).toList();
        }
    }

    private static void write(final Datastores datastores, final DatastoreName target, final ContainerNode content)
            throws DatastoreException {
        try (DataTransaction tx = datastores.newTransaction(target, ALICE)) {
            tx.write(YangInstanceIdentifier.of(), content);
            tx.commit();
        }
    }
}

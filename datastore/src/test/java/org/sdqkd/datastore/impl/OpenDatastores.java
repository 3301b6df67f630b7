package org.sdqkd.datastore.impl;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.Datastores;

/** Tests that run on datastores opened in a fresh directory for each test, with the project's models. */
abstract class OpenDatastores {
    @TempDir
    Path directory;

    Datastores datastores;

    @BeforeEach
    void open() throws DatastoreException {
        datastores = Datastores.open(directory, TestData.CONTEXT);
    }

    @AfterEach
    void close() {
        datastores.close();
    }
}

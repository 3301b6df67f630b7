package org.sdqkd.datastore.api;

import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.sdqkd.datastore.Datastores;

/**
 * Changes to one datastore, made on a private copy taken when the transaction was opened and applied all at once
 * by {@link #commit()}. Other sessions see nothing until then. One transaction is used by one thread at a time.
 * Concurrency is optimistic: changes to nodes that another commit changed since the copy was taken fail the commit
 * with a {@link TransactionConflictException}; changes elsewhere are applied on top of the other commits.
 */
public interface DataTransaction extends AutoCloseable {
    /** The datastore this transaction changes. */
    DatastoreName target();

    /** The session the changes are made for; locks are checked against it at commit. */
    SessionId owner();

    /**
     * The data at a path, as this transaction's changes leave it.
     *
     * @param path where, {@link YangInstanceIdentifier#of()} for the whole content
     * @return the node, or empty when there is none
     */
    Optional<NormalizedNode> read(YangInstanceIdentifier path);

    /**
     * Puts data at a path, replacing what was there (RFC 6241 {@code replace}/{@code create}).
     *
     * @param path where; {@code data} must be the node the path names
     * @param data the new data
     * @throws ValidationFailedException when the data does not fit the models' structure there
     */
    void write(YangInstanceIdentifier path, NormalizedNode data) throws ValidationFailedException;

    /**
     * Merges data into what is at a path (RFC 6241 {@code merge}).
     *
     * @param path where; {@code data} must be the node the path names
     * @param data the data to merge
     * @throws ValidationFailedException when the data does not fit the models' structure there
     */
    void merge(YangInstanceIdentifier path, NormalizedNode data) throws ValidationFailedException;

    /**
     * Removes the data at a path, if any (RFC 6241 {@code remove}).
     *
     * @param path what to remove
     * @throws ValidationFailedException when the path does not fit the models
     */
    void delete(YangInstanceIdentifier path) throws ValidationFailedException;

    /**
     * Validates the datastore content this transaction would commit, as {@link #commit()} would for running or
     * startup. For the operational datastore only the structure is checked, so the result is always valid.
     *
     * @return every error found, or a valid result
     */
    ValidationResult validate();

    /**
     * Applies the changes. Running and startup are validated first and are durable when this returns; the
     * candidate is not validated (that happens at {@link Datastores#commit(SessionId)}), and the operational
     * datastore is checked for structure only. The transaction cannot be used afterwards, whatever the outcome.
     *
     * @throws LockDeniedException       ({@code in-use}) when another session holds the target's lock
     * @throws ValidationFailedException with every error, when the result is not valid
     * @throws TransactionConflictException when the changes touch data another commit changed since the
     *                                      transaction began; nothing is applied, the transaction may be redone
     * @throws StorageException          when the change could not be made durable
     */
    void commit() throws DatastoreException;

    /** Abandons the changes, unless already committed. */
    @Override
    void close();
}

package org.sdqkd.datastore;

import java.nio.file.Path;
import java.util.Optional;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.impl.DurableDatastores;
import org.sdqkd.datastore.api.Checkpoint;
import org.sdqkd.datastore.api.DataChangeListener;
import org.sdqkd.datastore.api.DataSnapshot;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.LockDeniedException;
import org.sdqkd.datastore.api.OperationFailedException;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.datastore.api.ValidationFailedException;

/**
 * The datastores of one agent (RFC 6241 sections 5, 7 and 8; RFC 8342 section 5): snapshots to read,
 * transactions to change them, locks, the candidate's commit and discard, copies, checkpoints for confirmed
 * commits, and listeners. All changes are applied one at a time, in one order; running and startup are durable
 * before an operation returns. Safe for use by many threads.
 */
public interface Datastores extends AutoCloseable {
    /**
     * Opens the datastores kept in a directory, creating it if needed: running and startup are loaded from their
     * files, the candidate starts as a copy of running, the operational datastore starts empty. One process at a
     * time, and one instance in it, may open a directory.
     *
     * @param directory where running, startup and the key that protects their secret values are kept
     * @param context   the models
     * @return the datastores, to {@link #close()} when done
     * @throws StorageException when the directory is in use or its files cannot be read or decrypted
     */
    static Datastores open(final Path directory, final EffectiveModelContext context) throws StorageException {
        return DurableDatastores.open(directory, context);
    }

    /**
     * The current content of a datastore.
     *
     * @param datastore which one
     * @return an immutable snapshot
     */
    DataSnapshot snapshot(DatastoreName datastore);

    /**
     * Opens a transaction on a private copy of a datastore's current content.
     *
     * @param target the datastore to change
     * @param owner  the session making the changes
     * @return the transaction, to commit or close
     */
    DataTransaction newTransaction(DatastoreName target, SessionId owner);

    /**
     * Locks a configuration datastore for one session (RFC 6241 section 7.5): other sessions cannot change it
     * until it is unlocked or the session is released.
     *
     * @param datastore running, candidate or startup
     * @param session   the session to hold the lock
     * @throws LockDeniedException ({@code lock-denied}) when a session (this one too) holds the lock, or when the
     *                             target is the candidate and another session has uncommitted changes in it
     * @throws OperationFailedException ({@code operation-not-supported}) for the operational datastore
     */
    void lock(DatastoreName datastore, SessionId session) throws DatastoreException;

    /**
     * Releases a lock (RFC 6241 section 7.6). Uncommitted candidate changes stay.
     *
     * @param datastore the locked datastore
     * @param session   the session holding the lock
     * @throws OperationFailedException ({@code operation-failed}) when the session does not hold the lock
     */
    void unlock(DatastoreName datastore, SessionId session) throws OperationFailedException;

    /**
     * Forgets a session that ended: its locks are released and, if it held the candidate's lock, the candidate's
     * uncommitted changes are discarded (RFC 6241 sections 7.5 and 8.3.5.2).
     *
     * @param session the session that ended
     */
    void releaseSession(SessionId session);

    /**
     * Commits the candidate into running (RFC 6241 section 8.3.4.1): running becomes the candidate's content,
     * after a validation of the whole result, all or nothing, durable when this returns.
     *
     * @param session the committing session
     * @throws LockDeniedException       ({@code in-use}) when another session holds the running or candidate lock
     * @throws ValidationFailedException with every error, when the candidate is not valid; nothing changes
     * @throws StorageException          when running could not be made durable; nothing changes
     */
    void commit(SessionId session) throws DatastoreException;

    /**
     * Discards the candidate's uncommitted changes: the candidate becomes a copy of running (RFC 6241 section
     * 8.3.4.2).
     *
     * @param session the session asking
     * @throws LockDeniedException ({@code in-use}) when another session holds the candidate lock
     */
    void discardChanges(SessionId session) throws DatastoreException;

    /**
     * Replaces a configuration datastore's content with another's (RFC 6241 section 7.3, {@code copy-config}).
     * A copy into running or startup is validated and durable when this returns.
     *
     * @param from    the source
     * @param to      the target: running, candidate or startup, not the source
     * @param session the session asking
     * @throws LockDeniedException       ({@code in-use}) when another session holds the target's lock
     * @throws ValidationFailedException with every error, when the result is not valid
     * @throws OperationFailedException  when the target is the operational datastore or the source
     * @throws StorageException          when the result could not be made durable
     */
    void copy(DatastoreName from, DatastoreName to, SessionId session) throws DatastoreException;

    /**
     * Empties the startup datastore (RFC 6241 section 7.4, {@code delete-config}).
     *
     * @param datastore must be startup
     * @param session   the session asking
     * @throws OperationFailedException ({@code operation-not-supported}) for any other datastore
     * @throws LockDeniedException      ({@code in-use}) when another session holds the startup lock
     * @throws StorageException         when the change could not be made durable
     */
    void delete(DatastoreName datastore, SessionId session) throws DatastoreException;

    /** The current content of running, to go back to with {@link #rollback(Checkpoint, SessionId)}. */
    Checkpoint checkpoint();

    /**
     * Restores running exactly to a checkpoint, without validating it again (it was valid when taken). This is
     * what a confirmed commit that is not confirmed does (RFC 6241 section 8.4).
     *
     * @param checkpoint the content to restore
     * @param session    the session on whose behalf it is done
     * @throws LockDeniedException ({@code in-use}) when another session holds the running lock
     * @throws StorageException    when the change could not be made durable
     */
    void rollback(Checkpoint checkpoint, SessionId session) throws DatastoreException;

    /**
     * Registers a listener for changes to a subtree: after each commit that changes it, the listener is told
     * the subtree's data before and after, in commit order, on the notification thread.
     *
     * @param datastore the datastore to watch
     * @param subtree   the subtree, {@link YangInstanceIdentifier#of()} for everything
     * @param listener  the listener
     * @return the registration; closing it stops further calls
     */
    Registration listen(DatastoreName datastore, YangInstanceIdentifier subtree, DataChangeListener listener);

    /**
     * Durably keeps a small piece of the agent's own state under a name, sealed (AES-256-GCM) with the key that
     * protects the datastores' secret values, such as a confirmed commit that must outlive a restart. Replaces what
     * was kept under that name.
     *
     * @param name    lower-case letters, digits and dashes
     * @param content the bytes to keep; the caller may wipe them afterwards
     * @throws StorageException when it could not be made durable; what was kept before is then still in place
     */
    void storeSealed(String name, byte[] content) throws StorageException;

    /**
     * What {@link #storeSealed(String, byte[])} kept under a name.
     *
     * @param name the name
     * @return the bytes, or empty when nothing is kept under it
     * @throws StorageException when the file cannot be read or its seal does not open
     */
    Optional<byte[]> loadSealed(String name) throws StorageException;

    /**
     * Forgets what is kept under a name, durably.
     *
     * @param name the name
     * @throws StorageException when the deletion could not be made durable
     */
    void deleteSealed(String name) throws StorageException;

    /**
     * Closes the datastores: waits for pending notifications, then releases the directory. Every change already
     * acknowledged is on disk.
     */
    @Override
    void close();
}

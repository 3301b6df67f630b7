package org.sdqkd.netconf.server.impl.agent;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.api.SessionId;

/**
 * The global locks held on the configuration datastores, by session and since when, as
 * {@code /netconf-state/datastores} reports them (RFC 6022 section 2.1.2). The datastores enforce the locks; this
 * only remembers them for monitoring.
 */
final class HeldLocks {
    /** A lock held on a datastore. */
    record HeldLock(long sessionId, Instant since) {
    }

    private final Map<DatastoreName, HeldLock> locks = new EnumMap<>(DatastoreName.class);

    /** A session has locked a datastore. */
    synchronized void locked(final DatastoreName datastore, final SessionId session) {
        locks.put(datastore, new HeldLock(session.id(), Instant.now()));
    }

    /** A datastore was unlocked. */
    synchronized void unlocked(final DatastoreName datastore) {
        locks.remove(datastore);
    }

    /** A session ended: its locks went with it. */
    synchronized void released(final SessionId session) {
        locks.values().removeIf(lock -> lock.sessionId() == session.id());
    }

    /** The locks held now. */
    synchronized Map<DatastoreName, HeldLock> held() {
        return new EnumMap<>(locks);
    }
}

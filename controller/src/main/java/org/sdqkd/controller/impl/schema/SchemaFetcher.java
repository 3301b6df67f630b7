package org.sdqkd.controller.impl.schema;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfSession;

/**
 * Fetches module sources with {@code get-schema} (RFC 6022 section 3.1), a bounded number at once over all devices
 * (the permits are shared), so that memory holds at most that many replies, each bounded by the session's maximum
 * message size, and the text kept is bounded by the cache's limit.
 */
final class SchemaFetcher {
    private final Semaphore permits;
    private final Duration timeout;

    /**
     * A fetcher.
     *
     * @param permits the get-schema requests allowed at once, shared by every device
     * @param timeout how long to wait for a permit and then for each reply
     */
    SchemaFetcher(final Semaphore permits, final Duration timeout) {
        this.permits = permits;
        this.timeout = timeout;
    }

    /**
     * Fetches a module's YANG text.
     *
     * @param session the session to the device
     * @param id      the module, with its revision if known
     * @return the text
     * @throws SchemaSourceException when the device refused or did not answer in time
     * @throws InterruptedException  when interrupted while waiting
     */
    String fetch(final NetconfSession session, final SourceIdentifier id) throws SchemaSourceException,
            InterruptedException {
        if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new SchemaSourceException("get-schema of " + ModuleRef.label(id) + ": no turn within " + timeout,
                null);
        }
        try {
            return new NetconfOperations(session).getSchema(id.name().getLocalName(),
                Optional.ofNullable(id.revision()).map(Revision::toString), Optional.empty())
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SchemaSourceException("get-schema of " + ModuleRef.label(id) + " failed: "
                + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SchemaSourceException("get-schema of " + ModuleRef.label(id) + ": no answer within " + timeout,
                e);
        } finally {
            permits.release();
        }
    }
}

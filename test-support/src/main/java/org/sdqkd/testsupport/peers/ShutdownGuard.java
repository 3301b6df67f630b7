package org.sdqkd.testsupport.peers;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what a fixture left open when the JVM exits without the fixture being closed (a test run interrupted
 * with Ctrl-C, a forked test JVM told to stop). Fixtures register their processes and directories here and
 * unregister them when they close them themselves.
 */
final class ShutdownGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownGuard.class);
    private static final Deque<AutoCloseable> OPEN = new ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ShutdownGuard::closeAll, "peer-fixture-cleanup"));
    }

    private ShutdownGuard() {
    }

    /**
     * Remembers a resource to close at JVM exit. Later registrations are closed first.
     *
     * @param resource the resource
     */
    static void register(final AutoCloseable resource) {
        OPEN.addFirst(resource);
    }

    /**
     * Forgets a resource that its owner has closed.
     *
     * @param resource the resource
     */
    static void unregister(final AutoCloseable resource) {
        OPEN.remove(resource);
    }

    private static void closeAll() {
        AutoCloseable resource;
        while ((resource = OPEN.pollFirst()) != null) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not clean up {} at exit", resource, e);
            }
        }
    }
}

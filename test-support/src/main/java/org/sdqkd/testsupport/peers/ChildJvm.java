package org.sdqkd.testsupport.peers;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting a peer that runs in a Java process of its own on ports found free at run time (OpenDaylight's controller,
 * its device simulator): the Java to run it with, and the retry when another program took a port between the moment
 * it was found free and the moment the peer bound it.
 */
final class ChildJvm {
    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);
    private static final int PORT_ATTEMPTS = 3;
    private static final String[] PORT_TAKEN = { "Address already in use", "BindException" };

    private ChildJvm() {
        // static only
    }

    /**
     * Returns the {@code java} command of this JVM, so that the peer runs on the same Java as the tests.
     *
     * @return the command
     */
    static String java() {
        return ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Starts a peer, on new ports (a new candidate) up to three times when its log says a port was taken.
     *
     * @param <T> the peer
     * @param what what to call it in the log
     * @param candidate makes a peer with its ports chosen, not started
     * @param start starts it and waits until it is ready; throws {@link RuntimeException} if it does not
     * @param process the peer's process, once started (null before)
     * @param close closes a peer that did not start
     * @return the started peer
     * @throws RuntimeException what {@code start} threw, when no port was taken or the attempts are spent; the peer
     *     is closed then
     */
    static <T> T startOnFreePorts(final String what, final Supplier<T> candidate, final Consumer<T> start,
            final Function<T, ChildProcess> process, final Consumer<T> close) {
        for (int attempt = 1;; attempt++) {
            T peer = candidate.get();
            try {
                start.accept(peer);
                return peer;
            } catch (RuntimeException e) {
                ChildProcess started = process.apply(peer);
                boolean portTaken = started != null && (started.logMentions(PORT_TAKEN[0])
                    || started.logMentions(PORT_TAKEN[1]));
                close.accept(peer);
                if (!portTaken || attempt == PORT_ATTEMPTS) {
                    throw e;
                }
                LOG.info("A port was taken before {} bound it; trying others", what);
            }
        }
    }
}

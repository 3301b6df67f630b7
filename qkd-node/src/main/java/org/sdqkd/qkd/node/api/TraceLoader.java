package org.sdqkd.qkd.node.api;

import java.io.IOException;
import java.nio.file.Path;

/** Reads a recorded SKR trace file (the key plane's CSV format) for a link configured with {@code rate/file}. */
@FunctionalInterface
public interface TraceLoader {
    /**
     * Reads a trace; its {@code loop} flag is replaced by the link's configuration.
     *
     * @param file the file, already resolved against the trace directory
     * @return the trace
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when its content is not a valid trace (the message says where)
     */
    RateSource.Trace load(Path file) throws IOException;
}

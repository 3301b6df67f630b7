package org.sdqkd.ssh.qkd.api;

/** A {@link QkdKeySource} that holds resources (connections to its KME) until closed. */
public interface CloseableKeySource extends QkdKeySource, AutoCloseable {
    /** Releases the connections; later calls fail with {@link QkdKeyException.Reason#UNAVAILABLE}. */
    @Override
    void close();
}

package org.sdqkd.netconf.client.api;

import org.sdqkd.netconf.client.NetconfClient;

/**
 * The threads a {@link NetconfClient} shares among all its sessions.
 *
 * @param ioThreads MINA's I/O threads, which move the bytes of every connection
 * @param workerThreads the threads that decode messages, complete futures and call listeners
 */
public record ClientConfig(int ioThreads, int workerThreads) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if a count is below 1
     */
    public ClientConfig {
        if (ioThreads < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("thread counts below 1: " + ioThreads + ", " + workerThreads);
        }
    }

    /**
     * The default: as many I/O threads and worker threads as processors, at least two each.
     *
     * @return the configuration
     */
    public static ClientConfig defaults() {
        final int cpus = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new ClientConfig(cpus, cpus);
    }
}

package org.sdqkd.controller.impl.schema;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * How schemas are resolved.
 *
 * @param timeout      how long to wait for each reply of a device (and for a get-schema turn)
 * @param fetchPermits the get-schema requests allowed at once, shared by every device
 */
public record ResolverSettings(Duration timeout, Semaphore fetchPermits) {
    /** Checks the components. */
    public ResolverSettings {
        requireNonNull(timeout);
        requireNonNull(fetchPermits);
    }
}

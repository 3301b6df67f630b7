package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * One notification on an event stream.
 *
 * @param time the event time
 * @param body the notification: a container named by a top-level notification of the served models
 */
record StreamEvent(Instant time, ContainerNode body) {
    StreamEvent {
        requireNonNull(time);
        requireNonNull(body);
    }
}

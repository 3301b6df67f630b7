package org.sdqkd.restconf.gateway.spi;

import java.time.Instant;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Where a program's services publish the notifications of the served models, such as a QKD node's ETSI GS QKD 015
 * events: each one goes to every subscriber of the gateway's {@code NETCONF} event stream (RFC 8040 section 6) whose
 * filter selects it, and into the stream's replay buffer. A binding notification becomes a {@link ContainerNode} with
 * the binding codec's {@code toNormalizedNodeNotification}. Safe for use by many threads; never blocks on a
 * subscriber.
 */
@FunctionalInterface
public interface NotificationSink {
    /**
     * Publishes a notification.
     *
     * @param notification the notification's body: a container named by a top-level notification of the served
     *                     models, holding its content
     * @param eventTime    when the event happened (RFC 5277 {@code eventTime})
     * @throws IllegalArgumentException when the container is not a top-level notification of the served models
     */
    void publish(ContainerNode notification, Instant eventTime);
}

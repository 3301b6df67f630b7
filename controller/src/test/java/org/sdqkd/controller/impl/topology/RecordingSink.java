package org.sdqkd.controller.impl.topology;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.network.rev261122.LinkStateChanged;
import org.opendaylight.yangtools.binding.data.codec.api.BindingDataCodec;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.restconf.gateway.spi.NotificationSink;

/**
 * A {@link NotificationSink} that decodes every notification it is given back into its binding (so a body that does
 * not fit {@code link-state-changed} fails) and queues it.
 */
final class RecordingSink implements NotificationSink {
    private final BindingDataCodec codec;
    private final BlockingQueue<LinkStateChanged> published = new LinkedBlockingQueue<>();

    RecordingSink(final BindingDataCodec codec) {
        this.codec = codec;
    }

    BlockingQueue<LinkStateChanged> published() {
        return published;
    }

    @Override
    public void publish(final ContainerNode notification, final Instant eventTime) {
        if (!LinkStateChanged.QNAME.equals(notification.name().getNodeType())) {
            throw new IllegalArgumentException("not link-state-changed: " + notification.name());
        }
        published.add((LinkStateChanged) codec.nodeSerializer().fromNormalizedNodeNotification(
            Absolute.of(LinkStateChanged.QNAME), notification));
    }
}

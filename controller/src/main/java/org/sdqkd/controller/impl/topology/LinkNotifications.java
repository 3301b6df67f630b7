package org.sdqkd.controller.impl.topology;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.Alarm;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.CommonPerformance;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.Event;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdlId;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.QkdlStatus;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkDown;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkOverloaded;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.SdqkdnLinkPerfUpdate;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;
import org.opendaylight.yangtools.binding.BaseNotification;

/**
 * What an ETSI GS QKD 015 notification says about one of the node's links, read from its binding: {@code alarm}
 * and {@code event} carry the link's {@code qkdl_status}; {@code sdqkdn_link_perf_update} its SKR and QBER;
 * {@code sdqkdn_link_overloaded} its SKR; {@code sdqkdn_link_down} names the link only (the node's next read says
 * what it became). Any of them makes the topology read the node again at once.
 */
final class LinkNotifications {
    private LinkNotifications() {
    }

    /**
     * The link a notification is about.
     *
     * @param notification the notification
     * @return the link, or empty for a notification about no link
     */
    static Optional<LinkId> link(final BaseNotification notification) {
        final QkdlId subject = switch (notification) {
            case Alarm alarm -> alarm.getLink();
            case Event event -> event.getLink();
            case SdqkdnLinkDown down -> down.getQkdLink();
            case SdqkdnLinkPerfUpdate update -> update.getQkdLink();
            case SdqkdnLinkOverloaded overloaded -> overloaded.getQkdLink();
            default -> null;
        };
        return subject == null || subject.getQkdlId() == null ? Optional.empty()
            : Optional.of(Ids.link(subject.getQkdlId()));
    }

    /**
     * A link's view changed by what a notification carries.
     *
     * @param end          the view before
     * @param notification a notification about that link
     * @return the view after
     */
    static LinkEnd apply(final LinkEnd end, final BaseNotification notification) {
        return switch (notification) {
            case Alarm alarm -> status(end, alarm.getLink());
            case Event event -> status(end, event.getLink());
            case SdqkdnLinkPerfUpdate update -> update.getQkdLink().getPerformance() == null ? end
                : end.withPerformance(skr(update.getQkdLink().getPerformance()),
                    LinkEnd.physicalQber(update.getQkdLink().getPerformance().nonnullPhysPerf().values()));
            case SdqkdnLinkOverloaded overloaded -> overloaded.getQkdLink().getPerformance() == null ? end
                : end.withPerformance(skr(overloaded.getQkdLink().getPerformance()), Optional.<BigDecimal>empty());
            default -> end;
        };
    }

    private static LinkEnd status(final LinkEnd end, final QkdlStatus link) {
        return link == null || link.getQkdlStatus() == null ? end : end.withStatus(link.getQkdlStatus());
    }

    private static OptionalLong skr(final CommonPerformance performance) {
        return performance.getSkr() == null ? OptionalLong.empty() : OptionalLong.of(performance.getSkr().toJava());
    }
}

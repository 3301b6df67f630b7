package org.sdqkd.qkd.node.impl.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_statistics.AppStatistics;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_statistics.AppStatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_statistics.app_statistics.Statistics;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_statistics.app_statistics.StatisticsBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_statistics.app_statistics.StatisticsKey;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.yang.types.rev130715.DateAndTime;

/**
 * What the agent remembers of each application: when it was first seen, its consumption per statistics interval
 * (the {@code app_statistics} entries) and its recent consumption rate.
 */
final class AppRecords {
    /**
     * One {@code statistics} entry.
     *
     * @param start        {@code start_time}
     * @param end          {@code end_time}
     * @param consumedBits {@code consumed_bits}
     */
    record Window(Instant start, Instant end, long consumedBits) {
    }

    private record Sample(Instant at, long bits) {
    }

    private static final class Record {
        private final Instant created;
        private final Deque<Window> windows = new ArrayDeque<>();
        private final Deque<Sample> samples = new ArrayDeque<>();
        private Instant windowStart;
        private long windowStartBits;
        private boolean expiredReported;

        Record(final Instant created) {
            this.created = created;
            this.windowStart = created;
        }
    }

    private final Duration statisticsInterval;
    private final int statisticsKept;
    private final Duration rateWindow;
    private final Map<UUID, Record> records = new HashMap<>();

    AppRecords(final Duration statisticsInterval, final int statisticsKept, final Duration rateWindow) {
        this.statisticsInterval = statisticsInterval;
        this.statisticsKept = statisticsKept;
        this.rateWindow = rateWindow;
    }

    /** Keeps the records of these applications, adding new ones first seen now. */
    void retain(final Set<UUID> apps, final Instant now) {
        records.keySet().retainAll(apps);
        apps.forEach(id -> records.computeIfAbsent(id, k -> new Record(now)));
    }

    /**
     * Records an application's total consumption now (counted by the key plane since the application was
     * configured, so the first window starts from zero); closes its statistics window when it is due.
     */
    void sample(final UUID app, final long bitsDelivered, final Instant now) {
        final Record rec = records.get(app);
        if (rec == null) {
            return;
        }
        rec.samples.addLast(new Sample(now, bitsDelivered));
        while (rec.samples.size() > 2 && rec.samples.peekFirst().at().isBefore(now.minus(rateWindow))) {
            rec.samples.removeFirst();
        }
        if (!now.isBefore(rec.windowStart.plus(statisticsInterval))) {
            rec.windows.addLast(new Window(rec.windowStart, now, Math.max(0, bitsDelivered - rec.windowStartBits)));
            while (rec.windows.size() > statisticsKept) {
                rec.windows.removeFirst();
            }
            rec.windowStart = now;
            rec.windowStartBits = bitsDelivered;
        }
    }

    /** When the application was first seen. */
    Instant created(final UUID app) {
        return records.get(app).created;
    }

    /** Its statistics entries, oldest first. */
    List<Window> windows(final UUID app) {
        return List.copyOf(records.get(app).windows);
    }

    /** Its statistics entries as the state's {@code app_statistics}, or null while it has none. */
    AppStatistics statistics(final UUID app) {
        final List<Window> windows = windows(app);
        if (windows.isEmpty()) {
            return null;
        }
        final Map<StatisticsKey, Statistics> entries = new LinkedHashMap<>();
        for (Window window : windows) {
            final Statistics entry = new StatisticsBuilder().setEndTime(time(window.end()))
                .setStartTime(time(window.start())).setConsumedBits(EtsiNotifications.uint32(window.consumedBits()))
                .build();
            entries.put(entry.key(), entry);
        }
        return new AppStatisticsBuilder().setStatistics(entries).build();
    }

    /** A time as the model's {@code yang:date-and-time}, to the millisecond. */
    static DateAndTime time(final Instant instant) {
        return new DateAndTime(instant.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    /** Its consumption rate over the last rate window, in bits per second. */
    long rate(final UUID app) {
        final Record rec = records.get(app);
        if (rec == null || rec.samples.size() < 2) {
            return 0;
        }
        final Sample first = rec.samples.peekFirst();
        final Sample last = rec.samples.peekLast();
        final long millis = Duration.between(first.at(), last.at()).toMillis();
        return millis <= 0 ? 0 : Math.max(0, (last.bits() - first.bits()) * 1000 / millis);
    }

    /** Marks the application's expiry as reported; true the first time. */
    boolean reportExpiry(final UUID app) {
        final Record rec = records.get(app);
        if (rec == null || rec.expiredReported) {
            return false;
        }
        rec.expiredReported = true;
        return true;
    }

    /** Forgets that the expiry was reported (its expiration time moved to the future). */
    void clearExpiry(final UUID app) {
        final Record rec = records.get(app);
        if (rec != null) {
            rec.expiredReported = false;
        }
    }

    /** Whether its expiry was reported already. */
    boolean expiryReported(final UUID app) {
        final Record rec = records.get(app);
        return rec != null && rec.expiredReported;
    }
}

package org.sdqkd.qkd.node.impl.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sdqkd.qkd.node.api.KeyBytes;
import org.sdqkd.qkd.node.impl.link.Frame;

/**
 * The key units of one link at this end, in the order they were stored. Every method holds the store's lock (the
 * per-link lock): a unit is taken out once. Units removed in any way other than being taken are erased.
 */
final class UnitStore {
    private final LinkedHashMap<UUID, KeyBytes> units = new LinkedHashMap<>();

    /** The number of units stored. */
    synchronized int size() {
        return units.size();
    }

    /** Stores units; an ID stored already is ignored (and its new bytes erased). */
    synchronized void add(final Collection<Frame.Unit> added) {
        for (Frame.Unit unit : added) {
            if (units.putIfAbsent(unit.id(), unit.bytes()) != null) {
                unit.bytes().erase();
            }
        }
    }

    /**
     * Takes {@code count} units out, the oldest first or the newest first.
     *
     * @param count  how many
     * @param oldest from the old end (the producing end) or the new end (the other end): the two ends take from
     *               opposite ends so that two requests at once rarely pick the same units
     * @return the units, or an empty list when there are fewer
     */
    synchronized List<Frame.Unit> take(final int count, final boolean oldest) {
        if (count > units.size()) {
            return List.of();
        }
        final List<Frame.Unit> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final Map.Entry<UUID, KeyBytes> entry = oldest ? units.pollFirstEntry() : units.pollLastEntry();
            taken.add(new Frame.Unit(entry.getKey(), entry.getValue()));
        }
        return taken;
    }

    /**
     * Takes the units with these IDs out, all or none.
     *
     * @param ids the IDs
     * @return the units in the order of the IDs, or an empty list when one is missing (then nothing is taken)
     */
    synchronized List<Frame.Unit> takeAll(final List<UUID> ids) {
        if (Set.copyOf(ids).size() != ids.size() || !units.keySet().containsAll(ids)) {
            return List.of();
        }
        final List<Frame.Unit> taken = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            taken.add(new Frame.Unit(id, units.remove(id)));
        }
        return taken;
    }

    /** Erases the units with these IDs that are stored. */
    synchronized void discard(final Collection<UUID> ids) {
        for (UUID id : ids) {
            final KeyBytes bytes = units.remove(id);
            if (bytes != null) {
                bytes.erase();
            }
        }
    }

    /** The IDs stored now. */
    synchronized List<UUID> ids() {
        return new ArrayList<>(units.keySet());
    }

    /**
     * Keeps only the units whose IDs are in {@code keep} and erases the others.
     *
     * @param keep the IDs to keep
     * @return how many were erased
     */
    synchronized int retain(final Set<UUID> keep) {
        int erased = 0;
        final var it = units.entrySet().iterator();
        while (it.hasNext()) {
            final Map.Entry<UUID, KeyBytes> entry = it.next();
            if (!keep.contains(entry.getKey())) {
                entry.getValue().erase();
                it.remove();
                erased++;
            }
        }
        return erased;
    }

    /** Erases every unit. */
    synchronized void clear() {
        units.values().forEach(KeyBytes::erase);
        units.clear();
    }

    /** Erases units taken out of a store (or never stored). */
    static void erase(final Collection<Frame.Unit> taken) {
        taken.forEach(unit -> unit.bytes().erase());
    }
}

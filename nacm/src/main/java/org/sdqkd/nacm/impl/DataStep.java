package org.sdqkd.nacm.impl;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;

/**
 * One step of a data node's path as RFC 8341 rules see it: a data node name and, for a list entry, its key values.
 * Choices, cases and the list itself (as opposed to its entries) are not steps.
 *
 * @param name the node's name
 * @param keys the key values of a list entry; empty otherwise
 */
record DataStep(QName name, Map<QName, Object> keys) {
    DataStep {
        requireNonNull(name);
        keys = Map.copyOf(keys);
    }

    /** The step of a node that is not a list entry. */
    static DataStep of(final QName name) {
        return new DataStep(name, Map.of());
    }
}

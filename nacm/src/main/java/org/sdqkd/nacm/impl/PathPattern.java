package org.sdqkd.nacm.impl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.common.QName;

/**
 * The {@code path} of a data-node rule (RFC 8341 section 3.4.5, {@code node-instance-identifier}), compiled: the
 * steps from the root, each a node name with the key values it requires. It matches the node it names and all of
 * that node's descendants.
 *
 * @param steps the steps, from the top-level node
 */
record PathPattern(List<Step> steps) {
    /**
     * One step of the pattern.
     *
     * @param name the node name
     * @param keys the key values required (as their canonical strings), none for any entry
     */
    record Step(QName name, Map<QName, String> keys) {
        Step {
            requireNonNull(name);
            keys = Map.copyOf(keys);
        }

        boolean matches(final DataStep step) {
            if (!name.equals(step.name())) {
                return false;
            }
            for (Map.Entry<QName, String> key : keys.entrySet()) {
                final Object value = step.keys().get(key.getKey());
                if (value == null || !key.getValue().equals(String.valueOf(value))) {
                    return false;
                }
            }
            return true;
        }
    }

    PathPattern {
        steps = List.copyOf(steps);
    }

    /** Whether the path is the pattern's node or one of its descendants. */
    boolean covers(final List<DataStep> path) {
        return steps.size() <= path.size() && prefixMatches(path, steps.size());
    }

    /** Whether the pattern names a node strictly below the path (so the path's subtree must be looked into). */
    boolean reachesBelow(final List<DataStep> path) {
        return steps.size() > path.size() && prefixMatches(path, path.size());
    }

    private boolean prefixMatches(final List<DataStep> path, final int length) {
        for (int i = 0; i < length; i++) {
            if (!steps.get(i).matches(path.get(i))) {
                return false;
            }
        }
        return true;
    }
}

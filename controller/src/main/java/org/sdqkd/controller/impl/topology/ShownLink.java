package org.sdqkd.controller.impl.topology;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.LinkId;

/**
 * A link as the controller's operational datastore shows it.
 *
 * @param id         the link
 * @param state      its state
 * @param lastChange when its status last changed (or became known or unknown)
 * @param endpoints  its ends as its nodes report them, for a link the configuration lacks; empty for a configured
 *                   link, whose ends are configuration
 */
record ShownLink(LinkId id, LinkState state, Instant lastChange, Optional<Endpoints> endpoints) {
    ShownLink {
        requireNonNull(id);
        requireNonNull(state);
        requireNonNull(lastChange);
        requireNonNull(endpoints);
    }
}

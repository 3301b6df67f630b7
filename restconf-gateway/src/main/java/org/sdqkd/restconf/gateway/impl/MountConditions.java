package org.sdqkd.restconf.gateway.impl;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Conditional requests below a mount (RFC 7232), where resources have no entity-tag and no modification date: the
 * gateway sends neither, so {@code If-Match} with entity-tags never holds (412), {@code If-Match: *} holds when the
 * resource exists, {@code If-None-Match: *} when it does not (304 for GET and HEAD, 412 for edits), and
 * {@code If-None-Match} with entity-tags always holds; {@code If-Modified-Since} and {@code If-Unmodified-Since} are
 * ignored, as RFC 7232 sections 3.3 and 3.4 say for a resource without a modification date. An edit's condition is
 * checked on a read just before the edit, not atomically with it: the device may be changed by others in between.
 */
final class MountConditions {
    /** An entity-tag that stands for "exists" and that no client can hold. */
    private static final String UNKNOWABLE = "\"" + UUID.randomUUID() + "\"";

    private MountConditions() {
        // no instances
    }

    /**
     * Evaluates a request's conditions.
     *
     * @param conditions the conditions
     * @param exists     whether the resource exists
     * @param read       whether the request is GET or HEAD
     * @return what to do
     */
    static Conditions.Outcome evaluate(final Conditions conditions, final boolean exists, final boolean read) {
        final Conditions tagsOnly = new Conditions(conditions.ifMatch(), conditions.ifNoneMatch(), Optional.empty(),
            Optional.empty());
        return tagsOnly.evaluate(exists ? Optional.of(UNKNOWABLE) : Optional.empty(), Instant.EPOCH, read);
    }

    /**
     * Whether an edit's conditions need the resource's existence to be evaluated.
     *
     * @param conditions the conditions
     * @return whether {@code If-Match} or {@code If-None-Match} is given
     */
    static boolean needRead(final Conditions conditions) {
        return conditions.ifMatch().isPresent() || conditions.ifNoneMatch().isPresent();
    }
}

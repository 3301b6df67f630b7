package org.sdqkd.controller.impl.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;

/**
 * A YANG module or submodule a device says it has.
 *
 * @param name     the module's name
 * @param revision its revision, when the device gave one
 * @param features the features it supports, when the device said (empty: it did not say, so all are taken)
 */
public record ModuleRef(String name, Optional<Revision> revision, Optional<Set<String>> features) {
    /** Checks and copies the components. */
    public ModuleRef {
        requireNonNull(name);
        requireNonNull(revision);
        features = features.map(Set::copyOf);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a module needs a name");
        }
    }

    /**
     * A module without feature information.
     *
     * @param name     the name
     * @param revision the revision, null or empty for none
     * @return the module
     */
    public static ModuleRef of(final String name, final String revision) {
        return new ModuleRef(name, revision == null || revision.isEmpty() ? Optional.empty()
            : Optional.of(Revision.of(revision)), Optional.empty());
    }

    /**
     * How messages name a source: {@code name@revision}, or {@code name} without revision.
     *
     * @param id the source
     * @return the label
     */
    public static String label(final SourceIdentifier id) {
        return id.name().getLocalName() + (id.revision() == null ? "" : "@" + id.revision());
    }

    /** The source identifier, {@code name@revision}. */
    public SourceIdentifier sourceId() {
        return new SourceIdentifier(name, revision.orElse(null));
    }
}

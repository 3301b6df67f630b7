package org.sdqkd.datastore.api;

import java.util.Collection;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/** Validates a complete datastore content against the models. */
public interface DataValidator {
    /**
     * Validates data as if it were committed as the whole content of a configuration datastore that also
     * holds state data (a {@code <get>} reply).
     *
     * @param root the datastore root holding the top-level nodes
     * @return every error found, or a valid result
     */
    ValidationResult validate(ContainerNode root);

    /**
     * Validates a change to data: the result equals that of {@code validate(after)}, but an implementation
     * may re-check only what the change can affect when {@code before} is data it found valid.
     *
     * @param before the data before the change
     * @param after the data after the change
     * @param changed the yangtools paths of the nodes written, merged or deleted
     * @return every error found, or a valid result
     */
    default ValidationResult validateChange(final ContainerNode before, final ContainerNode after,
            final Collection<YangInstanceIdentifier> changed) {
        return validate(after);
    }
}

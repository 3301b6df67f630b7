package org.sdqkd.datastore.api;

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
}

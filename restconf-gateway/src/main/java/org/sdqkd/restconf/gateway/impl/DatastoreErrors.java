package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.datastore.api.ValidationError;

/**
 * Turns the datastore's refusals into RFC 8040 errors: each {@link ValidationError} keeps its error-type, error-tag
 * and error-app-tag, and its data path becomes an instance identifier that each encoding writes in its own form.
 */
final class DatastoreErrors {
    private final ModelCodecs codecs;

    DatastoreErrors(final ModelCodecs codecs) {
        this.codecs = requireNonNull(codecs);
    }

    /**
     * The exception to answer for a datastore failure, with the status of its first error-tag.
     *
     * @param failure the datastore's exception
     * @return the RESTCONF failure
     */
    RestconfException of(final DatastoreException failure) {
        final List<RestconfError> errors = failure.errors().stream().map(this::of).toList();
        return failure instanceof StorageException ? new RestconfException(500, errors)
            : new RestconfException(errors);
    }

    private RestconfError of(final ValidationError error) {
        Optional<YangInstanceIdentifier> path = Optional.empty();
        String message = error.message();
        if (!error.path().isEmpty()) {
            try {
                path = Optional.of(codecs.json().instanceIdentifierCodec().parseValue(error.path()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                message = error.path() + ": " + message;
            }
        }
        return new RestconfError(error.type(), error.tag(), error.appTag(), path, message);
    }
}

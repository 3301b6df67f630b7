package org.sdqkd.datastore.impl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangNetconfError;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.TransactionConflictException;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.datastore.api.ValidationFailedException;

/** Turns what the yangtools data tree throws into the datastores' typed exceptions, with data paths. */
final class TreeErrors {
    private final EffectiveModelContext context;

    TreeErrors(final EffectiveModelContext context) {
        this.context = requireNonNull(context);
    }

    /**
     * Data the tree refused as not fitting the models ({@code invalid-value} unless yangtools names a tag).
     *
     * @param failure what the tree threw
     * @param where   the path operated on, used when the exception names none
     */
    ValidationFailedException invalid(final RuntimeException failure, final YangInstanceIdentifier where) {
        final Optional<YangNetconfError> netconf = ParseErrors.netconfError(failure);
        final YangInstanceIdentifier path = netconf.map(YangNetconfError::path).orElse(where);
        return new ValidationFailedException(List.of(new ValidationError(ErrorType.APPLICATION,
            netconf.map(YangNetconfError::tag).orElse(ErrorTag.INVALID_VALUE), netconf.map(YangNetconfError::appTag),
            DataPathBuilder.of(context, path), ParseErrors.firstLine(ParseErrors.rootMessage(failure)))), failure);
    }

    /**
     * A transaction that conflicts with a commit made since it began.
     *
     * @param failure what the tree threw
     * @param where   the conflicting path
     */
    TransactionConflictException conflict(final Exception failure, final YangInstanceIdentifier where) {
        return new TransactionConflictException(DataPathBuilder.of(context, where),
            "changed by another commit since the transaction began: "
                + ParseErrors.firstLine(ParseErrors.rootMessage(failure)), failure);
    }
}

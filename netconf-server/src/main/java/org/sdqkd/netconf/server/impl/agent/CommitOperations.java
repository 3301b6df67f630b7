package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;
import static org.sdqkd.netconf.server.impl.agent.Args.CONFIGURATION;
import static org.sdqkd.netconf.server.impl.agent.Args.SOURCE;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.DataTransaction;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.api.DatastoreName;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.ValidationFailedException;
import org.sdqkd.datastore.api.ValidationResult;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.netconf.server.impl.agent.Args.Param;
import org.w3c.dom.Element;

/**
 * RFC 6241 {@code commit} with confirmed commit (section 8.4: confirmed, confirm-timeout, persist, persist-id),
 * {@code cancel-commit} and {@code validate} (section 8.6) of a datastore or an inline configuration.
 */
final class CommitOperations {
    private static final ReplyContent OK = new ReplyContent.Ok();

    private final Datastores datastores;
    private final DataXml models;
    private final ConfirmedCommits confirmedCommits;

    /**
     * Creates the handler.
     *
     * @param datastores the datastores validated
     * @param models the models, to read inline configuration and to report errors
     * @param confirmedCommits commits, confirmed or not
     */
    CommitOperations(final Datastores datastores, final DataXml models, final ConfirmedCommits confirmedCommits) {
        this.datastores = requireNonNull(datastores);
        this.models = requireNonNull(models);
        this.confirmedCommits = requireNonNull(confirmedCommits);
    }

    /** RFC 6241 section 8.6.4.1 {@code validate}. */
    ReplyContent validate(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(SOURCE));
        final Element source = args.required(SOURCE);
        final Optional<Element> inline = Dom.child(source, Namespaces.BASE, "config");
        final ValidationResult result;
        if (inline.isPresent()) {
            final ContainerNode content = models.fromXml(Dom.childElements(inline.orElseThrow()));
            try (DataTransaction tx = datastores.newTransaction(DatastoreName.CANDIDATE, session.id())) {
                tx.write(YangInstanceIdentifier.of(), content);
                result = tx.validate();
            }
        } else {
            final DatastoreName name = Args.datastoreIn(source, CONFIGURATION);
            try (DataTransaction tx = datastores.newTransaction(name, session.id())) {
                result = tx.validate();
            }
        }
        if (!result.isValid()) {
            throw new OperationException(Errors.of(new ValidationFailedException(result.errors()),
                models.context()));
        }
        return OK;
    }

    /** RFC 6241 sections 8.3.4.1 and 8.4.5.1 {@code commit}, confirmed or not. */
    ReplyContent commit(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(Param.base("confirmed"), Param.base("confirm-timeout"),
            Param.base("persist"), Param.base("persist-id")));
        final boolean confirmed = args.flag(Param.base("confirmed"));
        final Optional<String> timeoutText = args.text(Param.base("confirm-timeout"));
        Optional<Duration> timeout = Optional.empty();
        if (timeoutText.isPresent()) {
            try {
                final long seconds = Long.parseLong(timeoutText.orElseThrow());
                if (seconds < 1 || seconds > 4_294_967_295L) {
                    throw new NumberFormatException();
                }
                timeout = Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                throw OperationException.badElement(ErrorTag.INVALID_VALUE, "confirm-timeout",
                    "confirm-timeout is a number of seconds from 1 to 4294967295: " + timeoutText.orElseThrow());
            }
        }
        final Optional<String> persist = args.text(Param.base("persist"));
        if (!confirmed && (timeout.isPresent() || persist.isPresent())) {
            throw OperationException.badElement(ErrorTag.BAD_ELEMENT, timeout.isPresent() ? "confirm-timeout"
                : "persist", "confirm-timeout and persist go with confirmed");
        }
        confirmedCommits.commit(session.id(), new ConfirmedCommits.Request(confirmed, timeout, persist,
            args.text(Param.base("persist-id"))));
        return OK;
    }

    /** RFC 6241 section 8.4.4.1 {@code cancel-commit}. */
    ReplyContent cancelCommit(final XmlElement operation, final AgentSession session)
            throws OperationException, DatastoreException {
        final Args args = Args.of(operation, Set.of(Param.base("persist-id")));
        confirmedCommits.cancel(session.id(), args.text(Param.base("persist-id")));
        return OK;
    }
}

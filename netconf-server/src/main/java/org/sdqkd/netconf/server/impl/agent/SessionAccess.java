package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.nacm.api.AccessControl;
import org.sdqkd.nacm.api.AccessDeniedException;
import org.sdqkd.nacm.api.Requester;
import org.sdqkd.netconf.protocol.api.ErrorPath;
import org.sdqkd.netconf.protocol.api.RpcError;

/**
 * RFC 8341 access control as the agent applies it to a session: the session's user is the requester, a refusal is
 * the {@code access-denied} rpc-error (error-type {@code protocol} for an operation, {@code application} with the
 * error-path for data). Without an engine (NACM not configured for the agent) everything is allowed, as before.
 */
final class SessionAccess {
    private static final Pattern PREFIX = Pattern.compile("/([A-Za-z_][A-Za-z0-9_.-]*):");

    private final Optional<AccessControl> control;
    private final EffectiveModelContext models;

    SessionAccess(final Optional<AccessControl> control, final EffectiveModelContext models) {
        this.control = requireNonNull(control);
        this.models = requireNonNull(models);
    }

    static Requester requester(final SessionId session) {
        return session.equals(SessionId.SYSTEM) ? Requester.recovery(session.user()) : Requester.of(session.user());
    }

    /** Refuses an operation the session may not run, before it runs. */
    void checkExecute(final SessionId session, final QName operation) throws OperationException {
        if (control.isPresent()) {
            try {
                control.orElseThrow().checkExecute(requester(session), operation);
            } catch (AccessDeniedException e) {
                throw OperationException.of(ErrorType.PROTOCOL, ErrorTag.ACCESS_DENIED, e.getMessage());
            }
        }
    }

    /** What of a datastore root the session may read. */
    ContainerNode readable(final SessionId session, final ContainerNode root) {
        return control.isPresent() ? control.orElseThrow().readable(requester(session), root) : root;
    }

    /** Refuses a change of a datastore (from one root to another) that the session may not make. */
    void checkWrite(final SessionId session, final ContainerNode before, final ContainerNode after)
            throws OperationException {
        if (control.isPresent()) {
            try {
                control.orElseThrow().checkWrite(requester(session), before, after);
            } catch (AccessDeniedException e) {
                RpcError error = RpcError.of(ErrorType.APPLICATION, ErrorTag.ACCESS_DENIED, e.getMessage());
                if (e.path().isPresent()) {
                    error = error.withPath(errorPath(e.path().orElseThrow()));
                }
                throw new OperationException(error);
            }
        }
    }

    /** The error-path, its prefixes (module names) bound to their modules' namespaces. */
    private ErrorPath errorPath(final String path) {
        final Map<String, String> namespaces = new HashMap<>();
        final Matcher prefixes = PREFIX.matcher(path);
        while (prefixes.find()) {
            final String module = prefixes.group(1);
            models.findModules(module).stream().findFirst()
                .ifPresent(m -> namespaces.put(module, m.getNamespace().toString()));
        }
        return new ErrorPath(path, namespaces);
    }

    /** Whether a notification may be sent to the session. */
    boolean maySend(final SessionId session, final QName notification) {
        return control.isEmpty() || control.orElseThrow().maySend(requester(session), notification);
    }
}

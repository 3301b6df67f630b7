package org.sdqkd.netconf.protocol.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.ValidationError;
import org.sdqkd.netconf.protocol.impl.ModulePathTranslator;

/**
 * One {@code rpc-error} of an rpc-reply (RFC 6241 section 4.3), written in the element order of RFC 6241
 * appendix A and B: error-type, error-tag, error-severity, error-app-tag, error-path, error-message, error-info.
 *
 * @param type     the layer of the error: transport, rpc, protocol or application
 * @param tag      what went wrong, one of the tags of RFC 6241 appendix A
 * @param severity error or warning
 * @param appTag   the application's or model's more specific tag, if any
 * @param path     the node in error, if any
 * @param message  a description for a person, if any
 * @param info     the children of error-info, such as {@code bad-element} or {@code session-id}
 */
public record RpcError(ErrorType type, ErrorTag tag, ErrorSeverity severity, Optional<String> appTag,
        Optional<ErrorPath> path, Optional<ErrorMessage> message, List<ErrorInfo> info) {
    /** Checks and copies the components. */
    public RpcError {
        requireNonNull(type);
        requireNonNull(tag);
        requireNonNull(severity);
        requireNonNull(appTag);
        requireNonNull(path);
        requireNonNull(message);
        info = List.copyOf(info);
    }

    /**
     * An error with an English message and nothing else.
     *
     * @param type    the error-type
     * @param tag     the error-tag
     * @param message the error-message
     * @return the error
     */
    public static RpcError of(final ErrorType type, final ErrorTag tag, final String message) {
        return new RpcError(type, tag, ErrorSeverity.ERROR, Optional.empty(), Optional.empty(),
            Optional.of(ErrorMessage.english(message)), List.of());
    }

    /**
     * The rpc-error for a datastore's validation error. Its data path ({@code /module:top/list[key='v']}, module
     * names as prefixes) becomes an XPath with each module's own prefix, bound to the module's namespace as found
     * in {@code context} ({@code /t:top/t:list[t:key='v']} with {@code xmlns:t}); two modules with the same prefix
     * get distinct ones. A path naming a module {@code context} does not know is kept as it is, without bindings.
     * An empty path gives no error-path. The {@code missing-element}, {@code bad-element},
     * {@code unknown-element} and {@code unknown-namespace} tags get the {@code bad-element} info RFC 6241
     * appendix A requires: the last node of the path.
     *
     * @param error   the validation error
     * @param context the models the data path refers to
     * @return the rpc-error, severity error, message in English
     */
    public static RpcError of(final ValidationError error, final EffectiveModelContext context) {
        final Optional<ErrorPath> path = error.path().isEmpty() ? Optional.empty()
            : Optional.of(ModulePathTranslator.translate(error.path(), context));
        final List<ErrorInfo> info = new ArrayList<>();
        if (needsBadElement(error.tag())) {
            ModulePathTranslator.lastNodeName(error.path()).ifPresent(name -> info.add(ErrorInfo.badElement(name)));
        }
        return new RpcError(error.type(), error.tag(), ErrorSeverity.ERROR, error.appTag(), path,
            Optional.of(ErrorMessage.english(error.message())), info);
    }

    private static boolean needsBadElement(final ErrorTag tag) {
        return tag.equals(ErrorTag.MISSING_ELEMENT) || tag.equals(ErrorTag.BAD_ELEMENT)
            || tag.equals(ErrorTag.UNKNOWN_ELEMENT) || tag.equals(ErrorTag.UNKNOWN_NAMESPACE);
    }

    /**
     * This error with another severity.
     *
     * @param newSeverity the severity
     * @return the changed copy
     */
    public RpcError withSeverity(final ErrorSeverity newSeverity) {
        return new RpcError(type, tag, newSeverity, appTag, path, message, info);
    }

    /**
     * This error with an error-app-tag.
     *
     * @param newAppTag the app-tag
     * @return the changed copy
     */
    public RpcError withAppTag(final String newAppTag) {
        return new RpcError(type, tag, severity, Optional.of(newAppTag), path, message, info);
    }

    /**
     * This error with an error-path.
     *
     * @param newPath the path
     * @return the changed copy
     */
    public RpcError withPath(final ErrorPath newPath) {
        return new RpcError(type, tag, severity, appTag, Optional.of(newPath), message, info);
    }

    /**
     * This error with more error-info children, after those it has.
     *
     * @param more the children to add
     * @return the changed copy
     */
    public RpcError withInfo(final ErrorInfo... more) {
        final List<ErrorInfo> all = new ArrayList<>(info);
        all.addAll(List.of(more));
        return new RpcError(type, tag, severity, appTag, path, message, all);
    }
}

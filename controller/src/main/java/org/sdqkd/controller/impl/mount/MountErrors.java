package org.sdqkd.controller.impl.mount;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlCodecFactory;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.netconf.client.api.NetconfRpcException;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.client.api.NetconfTimeoutException;
import org.sdqkd.netconf.protocol.api.ErrorMessage;
import org.sdqkd.netconf.protocol.api.ErrorPath;
import org.sdqkd.netconf.protocol.api.NetconfMessage;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.restconf.gateway.spi.MountException;

/**
 * A failed exchange with a device as the {@link MountException} the gateway answers with: a device's rpc-error keeps
 * its type, tag, app-tag and message, and its error-path is read into a path of the device's models when it names
 * one; a session that ended is {@code resource-denied}; no reply in time is {@code operation-failed}.
 */
final class MountErrors {
    private final String device;
    private final XmlCodecFactory codecs;

    /**
     * The errors of one device.
     *
     * @param device  how messages name the device
     * @param context its models
     */
    MountErrors(final String device, final EffectiveModelContext context) {
        this.device = device;
        this.codecs = XmlCodecFactory.create(context);
    }

    /**
     * The exception for a failure.
     *
     * @param what    what was being done, for the message
     * @param failure what a future or call failed with
     * @return the exception
     */
    MountException of(final String what, final Throwable failure) {
        final Throwable cause = unwrap(failure);
        if (cause instanceof NetconfRpcException rpc) {
            return of(rpc.firstError());
        }
        if (cause instanceof NetconfSessionClosedException) {
            return withCause(new MountException(ErrorTag.RESOURCE_DENIED, device + ": the NETCONF session ended during "
                + what + " (" + cause.getMessage() + "); it is used again once reconnected"), cause);
        }
        if (cause instanceof NetconfTimeoutException || cause instanceof TimeoutException) {
            return withCause(new MountException(ErrorTag.OPERATION_FAILED, device + ": no answer to " + what + " in "
                + "time"), cause);
        }
        return withCause(new MountException(ErrorTag.OPERATION_FAILED, device + ": " + what + " failed: "
            + cause.getMessage()), cause);
    }

    /**
     * The exception for a device's rpc-error.
     *
     * @param error the error
     * @return the exception
     */
    MountException of(final RpcError error) {
        final String message = error.message().map(ErrorMessage::text)
            .orElse(device + " answered " + error.tag().elementBody());
        return new MountException(error.type(), error.tag(), error.appTag(), error.path().flatMap(this::path),
            message);
    }

    /**
     * An error-path read in the device's models, when it names a data node: the prefix steps of the rpc and its
     * config ({@code /nc:rpc/nc:edit-config/nc:config}), which some devices put first, are dropped.
     *
     * @param errorPath the error-path
     * @return the path, or empty when it is not a data node of the models
     */
    Optional<YangInstanceIdentifier> path(final ErrorPath errorPath) {
        String xpath = errorPath.xpath().strip();
        for (Map.Entry<String, String> binding : errorPath.namespaces().entrySet()) {
            if (NetconfMessage.NAMESPACE.equals(binding.getValue())) {
                final String configStep = "/" + binding.getKey() + ":config";
                final int at = xpath.indexOf(configStep);
                if (at >= 0) {
                    xpath = xpath.substring(at + configStep.length());
                }
            }
        }
        if (xpath.isEmpty() || "/".equals(xpath)) {
            return Optional.empty();
        }
        try {
            return Optional.of(codecs.instanceIdentifierCodec().parseValue(new Prefixes(errorPath.namespaces()),
                xpath));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static MountException withCause(final MountException exception, final Throwable cause) {
        exception.initCause(cause);
        return exception;
    }

    private static Throwable unwrap(final Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The prefixes of an error-path. */
    private record Prefixes(Map<String, String> namespaces) implements NamespaceContext {
        @Override
        public String getNamespaceURI(final String prefix) {
            return namespaces.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
        }

        @Override
        public String getPrefix(final String namespaceUri) {
            return namespaces.entrySet().stream().filter(entry -> entry.getValue().equals(namespaceUri))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        }

        @Override
        public Iterator<String> getPrefixes(final String namespaceUri) {
            return List.copyOf(namespaces.entrySet().stream().filter(entry -> entry.getValue().equals(namespaceUri))
                .map(Map.Entry::getKey).toList()).iterator();
        }
    }
}

package org.sdqkd.controller.impl.schema;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.opendaylight.yang.gen.v1.urn.ietf.params.xml.ns.yang.ietf.netconf.monitoring.rev101004.GetSchemaOutput;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.sdqkd.netconf.client.api.NetconfRpcException;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NetconfSessionClosedException;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.DataReader;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A device that answers get-schema from a map of module texts and refuses everything else, for the schema errors a
 * real device is hard to make: missing, corrupt or oversize sources. It announces its modules in its hello only.
 */
final class ScriptedDevice implements NetconfSession {
    private final Set<URI> capabilities;
    private final Map<String, String> texts;
    private final Duration delay;
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private final CompletableFuture<NetconfSessionClosedException> closed = new CompletableFuture<>();

    /**
     * A device.
     *
     * @param modules the hello's module capabilities ({@code name@revision}, namespace {@code urn:test:name})
     * @param texts   the text get-schema answers for each module name; a module absent is refused
     */
    ScriptedDevice(final List<String> modules, final Map<String, String> texts) {
        this(modules, texts, Duration.ZERO);
    }

    /**
     * A device that answers each get-schema after a delay.
     *
     * @param modules as above
     * @param texts   as above
     * @param delay   how long each answer takes
     */
    ScriptedDevice(final List<String> modules, final Map<String, String> texts, final Duration delay) {
        this.delay = delay;
        this.capabilities = new java.util.LinkedHashSet<>(List.of(Capabilities.BASE_1_1));
        for (String module : modules) {
            final String[] parts = module.split("@");
            capabilities.add(URI.create("urn:test:" + parts[0] + "?module=" + parts[0] + "&revision=" + parts[1]));
        }
        this.texts = Map.copyOf(texts);
    }

    /** How many times get-schema asked for a module. */
    int fetches(final String module) {
        return fetches.getOrDefault(module, new AtomicInteger()).get();
    }

    @Override
    public long sessionId() {
        return 7;
    }

    @Override
    public Set<URI> serverCapabilities() {
        return Set.copyOf(capabilities);
    }

    @Override
    public URI framing() {
        return Capabilities.BASE_1_1;
    }

    @Override
    public boolean isOpen() {
        return !closed.isDone();
    }

    @Override
    public CompletableFuture<RpcReply> rpc(final XmlElement operation) {
        if (!"get-schema".equals(operation.localName())) {
            return refuse(ErrorTag.OPERATION_NOT_SUPPORTED, operation.localName() + " is not supported");
        }
        final Element request = operation.toElement();
        String identifier = null;
        for (Node child = request.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "identifier".equals(element.getLocalName())) {
                identifier = element.getTextContent();
            }
        }
        fetches.computeIfAbsent(String.valueOf(identifier), name -> new AtomicInteger()).incrementAndGet();
        final String asked = identifier;
        return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(delay.toMillis(),
            TimeUnit.MILLISECONDS)).thenCompose(ignored -> answer(asked));
    }

    private CompletableFuture<RpcReply> answer(final String identifier) {
        final String text = texts.get(identifier);
        if (text == null) {
            return refuse(ErrorTag.OPERATION_FAILED, "no schema " + identifier);
        }
        final Element data = org.sdqkd.controller.impl.schema.ModelXml.newElement(
            QName.create(GetSchemaOutput.QNAME, "data"));
        data.setTextContent(text);
        return CompletableFuture.completedFuture(new RpcReply(Optional.of("1"), Map.of(),
            new ReplyContent.Output(List.of(XmlElement.of(data)))));
    }

    private static CompletableFuture<RpcReply> refuse(final ErrorTag tag, final String message) {
        return CompletableFuture.failedFuture(new NetconfRpcException(List.of(RpcError.of(ErrorType.APPLICATION, tag,
            message))));
    }

    @Override
    public CompletableFuture<RpcReply> rpc(final XmlElement operation, final Duration timeout) {
        return rpc(operation);
    }

    @Override
    public CompletableFuture<RpcReply> rpc(final XmlElement operation, final DataReader<?> data) {
        return rpc(operation);
    }

    @Override
    public void addNotificationListener(final Consumer<Notification> listener) {
        // no notifications
    }

    @Override
    public void removeNotificationListener(final Consumer<Notification> listener) {
        // no notifications
    }

    @Override
    public CompletableFuture<NetconfSessionClosedException> closeFuture() {
        return closed;
    }

    @Override
    public void close() {
        closed.complete(null);
    }
}

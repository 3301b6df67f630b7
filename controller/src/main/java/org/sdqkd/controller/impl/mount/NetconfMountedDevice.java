package org.sdqkd.controller.impl.mount;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;
import org.sdqkd.controller.impl.schema.DeviceSchema;
import org.sdqkd.controller.impl.schema.ModelXml;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.EditOptions;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.RpcReply;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.sdqkd.restconf.gateway.spi.MountEdit;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountRead;
import org.sdqkd.restconf.gateway.spi.MountedDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device mounted over its NETCONF session, in its resolved schema: a read is {@code get-config} of running
 * (configuration) or {@code get} (all or state) with a subtree filter of the path, the reply read with the XML codec
 * and the node at the path taken from it; edits are {@code edit-config}s on the candidate under its lock (with
 * {@code test-option test-then-set} when {@code :validate} is announced), then {@code commit}, with
 * {@code discard-changes} and {@code unlock} when
 * anything fails so that the device is left as it was; without {@code :candidate}, on running under its lock (with
 * {@code rollback-on-error} when announced); an RPC is its element with the input's children. The controller's own
 * edits to one device are made one at a time. Thread-safe; every call blocks for the device's replies.
 */
public final class NetconfMountedDevice implements MountedDevice {
    private static final Logger LOG = LoggerFactory.getLogger(NetconfMountedDevice.class);
    /** Validate, version 1.0 (RFC 6241 section 8.6), which some devices announce alone. */
    private static final URI VALIDATE_1_0 = URI.create("urn:ietf:params:netconf:capability:validate:1.0");

    private final String name;
    private final NetconfSession session;
    private final DeviceSchema schema;
    private final ModelXml xml;
    private final DeviceRequests requests;
    private final MountErrors errors;
    private final Duration timeout;
    private final Semaphore editing = new Semaphore(1, true);

    /**
     * A device.
     *
     * @param name    how messages name it (the node's id)
     * @param session its session
     * @param schema  its resolved schema
     * @param timeout how long to wait for each reply
     */
    public NetconfMountedDevice(final String name, final NetconfSession session, final DeviceSchema schema,
            final Duration timeout) {
        this.name = requireNonNull(name);
        this.session = requireNonNull(session);
        this.schema = requireNonNull(schema);
        this.xml = new ModelXml(schema.context());
        this.requests = new DeviceRequests(xml);
        this.errors = new MountErrors(name, schema.context());
        this.timeout = requireNonNull(timeout);
    }

    /** The session the device is mounted over. */
    public NetconfSession session() {
        return session;
    }

    /** The resolved schema, with the modules left out. */
    public DeviceSchema schema() {
        return schema;
    }

    @Override
    public EffectiveModelContext modelContext() {
        return schema.context();
    }

    @Override
    public Optional<NormalizedNode> read(final MountRead read) throws MountException {
        final YangInstanceIdentifier filterPath;
        final Optional<Filter> filter;
        try {
            filterPath = requests.filterPath(read.path());
            filter = requests.filter(filterPath);
        } catch (IllegalArgumentException | IOException e) {
            throw new MountException(ErrorTag.INVALID_VALUE, name + ": " + e.getMessage());
        }
        final NetconfOperations operations = new NetconfOperations(session);
        final CompletableFuture<List<XmlElement>> reply = switch (read.content()) {
            case CONFIG -> filter.isPresent() ? operations.getConfig(Datastore.RUNNING, filter.orElseThrow())
                : operations.getConfig(Datastore.RUNNING);
            case ALL, NONCONFIG -> filter.isPresent() ? operations.get(filter.orElseThrow()) : operations.get();
        };
        final List<XmlElement> data = await(reply, "the read of " + read.path());
        final ContainerNode root;
        try {
            root = xml.readData(data, false);
        } catch (IOException e) {
            throw new MountException(ErrorTag.OPERATION_FAILED, name + ": its reply to the read of " + read.path()
                + " does not fit its models: " + e.getMessage());
        }
        if (read.path().isEmpty()) {
            return root.isEmpty() ? Optional.empty() : Optional.of(root);
        }
        return NormalizedNodes.findNode(root, read.path().getPathArguments().toArray(new PathArgument[0]));
    }

    @Override
    public void edit(final List<MountEdit> edits) throws MountException {
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("no edit");
        }
        final List<XmlElement> configs = new ArrayList<>();
        for (MountEdit edit : edits) {
            try {
                configs.add(requests.config(edit));
            } catch (IOException | IllegalArgumentException e) {
                throw new MountException(ErrorTag.INVALID_VALUE, name + ": the edit of " + edit.path()
                    + " does not fit the device's models: " + e.getMessage());
            }
        }
        try {
            if (!editing.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MountException(ErrorTag.IN_USE, name + ": another edit through the mount is still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MountException(ErrorTag.OPERATION_FAILED, name + ": interrupted");
        }
        try {
            if (session.hasCapability(Capabilities.CANDIDATE)) {
                editCandidate(configs);
            } else {
                editRunning(configs);
            }
        } finally {
            editing.release();
        }
    }

    private void editCandidate(final List<XmlElement> configs) throws MountException {
        final NetconfOperations operations = new NetconfOperations(session);
        // with :validate, each edit is validated as it is made (test-then-set), not by a <validate> of the whole
        // candidate before the commit: after that <validate>, netconfd 2.13 answers the commit ok but applies
        // nothing (see netconf-interop's README); the commit validates the candidate in any case (RFC 6241 8.3.4.1)
        final EditOptions options = validates() ? EditOptions.DEFAULT.withTestOption(EditOptions.TestOption
            .TEST_THEN_SET) : EditOptions.DEFAULT;
        await(operations.lock(Datastore.CANDIDATE), "the lock of the candidate");
        try {
            for (XmlElement config : configs) {
                await(operations.editConfig(Datastore.CANDIDATE, config, options), "edit-config");
            }
            await(operations.commit(), "commit");
        } catch (MountException e) {
            quietly(operations.discardChanges(), "discard-changes");
            quietly(operations.unlock(Datastore.CANDIDATE), "unlock");
            throw e;
        }
        quietly(operations.unlock(Datastore.CANDIDATE), "unlock");
    }

    private void editRunning(final List<XmlElement> configs) throws MountException {
        final NetconfOperations operations = new NetconfOperations(session);
        final EditOptions checked = validates() ? EditOptions.DEFAULT.withTestOption(EditOptions.TestOption
            .TEST_THEN_SET) : EditOptions.DEFAULT;
        final EditOptions options = session.hasCapability(Capabilities.ROLLBACK_ON_ERROR)
            ? checked.withErrorOption(EditOptions.ErrorOption.ROLLBACK_ON_ERROR) : checked;
        await(operations.lock(Datastore.RUNNING), "the lock of running");
        try {
            for (XmlElement config : configs) {
                await(operations.editConfig(Datastore.RUNNING, config, options), "edit-config");
            }
        } finally {
            quietly(operations.unlock(Datastore.RUNNING), "unlock");
        }
    }

    @Override
    public ContainerNode invoke(final Absolute operation, final YangInstanceIdentifier target,
            final ContainerNode input) throws MountException {
        if (!target.isEmpty()) {
            throw new MountException(ErrorTag.OPERATION_NOT_SUPPORTED, name + ": actions through a NETCONF mount are "
                + "not supported yet; RPCs are");
        }
        final QName rpc = operation.lastNodeIdentifier();
        final RpcDefinition definition = schema.context().getOperations().stream()
            .filter(candidate -> candidate.getQName().equals(rpc)).findFirst().orElse(null);
        if (definition == null) {
            throw new MountException(ErrorTag.UNKNOWN_ELEMENT, name + ": no RPC " + rpc + " in the device's models");
        }
        final org.w3c.dom.Element element = ModelXml.newElement(rpc);
        try {
            xml.writeInput(element, operation, input);
        } catch (IOException | IllegalArgumentException e) {
            throw new MountException(ErrorTag.INVALID_VALUE, name + ": the input of " + rpc + " does not fit: "
                + e.getMessage());
        }
        final RpcReply reply = await(session.rpc(XmlElement.of(element), timeout), "the RPC " + rpc);
        final List<XmlElement> output = switch (reply.content()) {
            case ReplyContent.Output out -> out.nodes();
            case ReplyContent.Data data -> data.nodes();
            case ReplyContent.Ok ok -> List.of();
            case ReplyContent.StreamedData streamed -> List.of();
            case ReplyContent.ReadData read -> throw new MountException(ErrorTag.OPERATION_FAILED,
                name + ": an unexpected reply to " + rpc);
            case ReplyContent.Errors failed -> throw errors.of(failed.errors().getFirst());
        };
        try {
            return xml.readOutput(output, operation, definition.getOutput().getQName());
        } catch (IOException e) {
            throw new MountException(ErrorTag.OPERATION_FAILED, name + ": the output of " + rpc + " does not fit its "
                + "models: " + e.getMessage());
        }
    }

    private <T> T await(final CompletableFuture<T> future, final String what) throws MountException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new MountException(ErrorTag.OPERATION_FAILED, name + ": interrupted during " + what);
        } catch (ExecutionException | TimeoutException e) {
            throw errors.of(what, e);
        }
    }

    private void quietly(final CompletableFuture<?> future, final String what) {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{}: {} failed: {}", name, what, e.getMessage());
        }
    }

    private boolean validates() {
        return session.hasCapability(Capabilities.VALIDATE_1_1) || session.hasCapability(VALIDATE_1_0);
    }


    @Override
    public String toString() {
        return "NetconfMountedDevice[" + name + ", session " + session.sessionId() + "]";
    }
}

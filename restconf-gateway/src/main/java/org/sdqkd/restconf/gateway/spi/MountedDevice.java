package org.sdqkd.restconf.gateway.spi;

import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * A device mounted into the gateway's data tree (a NETCONF device behind the controller): its own models, and the
 * reads, edits and operations the gateway forwards to it. Paths and data are in the device's models. Implementations
 * are thread-safe; each call is one exchange with the device.
 *
 * <p>Calls block until the device answers. The gateway makes each one on a virtual thread of its own and waits at
 * most its mount timeout ({@code RestconfGateway.Builder#mountTimeout}, 30 s by default); then it interrupts that
 * thread and answers 504. An implementation should give up on interruption (or at its own, shorter, deadline, with a
 * {@link MountException}) rather than keep the device's session busy; an edit cut off by the timeout may still take
 * effect, and the client is told its outcome is unknown.
 */
public interface MountedDevice {
    /**
     * The device's models, from which the gateway builds the codecs for the bodies of requests under the mount.
     * Devices with the same modules and revisions should return the same instance: the gateway keeps one set of
     * codecs per instance (by identity, weakly), so 100 devices with one context share one set. Called once per
     * request; it must not block.
     *
     * @return the model context
     */
    EffectiveModelContext modelContext();

    /**
     * Reads a data node of the device.
     *
     * @param read what to read
     * @return the node, or empty when the device has no data there
     * @throws MountException when the device refused the read or could not be reached
     */
    Optional<NormalizedNode> read(MountRead read) throws MountException;

    /**
     * Applies edits to the device's configuration as one change: all of them, or none (for a NETCONF device,
     * edit-config on candidate with validate and commit under the device's lock, or on running when it has no
     * candidate).
     *
     * @param edits the edits, in order; never empty
     * @throws MountException with the device's error when it refused the change; the device is left unchanged
     */
    void edit(List<MountEdit> edits) throws MountException;

    /**
     * Invokes an RPC of the device, or an action on one of its data nodes.
     *
     * @param operation the RPC or action, its schema path in the device's models
     * @param target    for an action, the data node it is invoked on; for an RPC, {@link YangInstanceIdentifier#of()}
     * @param input     the {@code input} container
     * @return the {@code output} container; one without children answers 204
     * @throws MountException with the device's error when it failed
     */
    ContainerNode invoke(Absolute operation, YangInstanceIdentifier target, ContainerNode input)
        throws MountException;
}

package org.sdqkd.restconf.gateway.spi;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;

/**
 * Finds the device mounted at a data node, for requests whose API path holds OpenDaylight's {@code yang-ext:mount}
 * segment: {@code {+restconf}/data/sdqkd-network:network/node=N1/yang-ext:mount/etsi-qkd-sdn-node:qkd_node}
 * addresses {@code qkd_node} of the device mounted at {@code network/node=N1}. Registered with
 * {@code RestconfGateway.Builder#mountPoints}. Called once per request, from several threads at once, on a virtual
 * thread whose wait the gateway bounds like a device call (see {@link MountedDevice}).
 */
@FunctionalInterface
public interface MountPoints {
    /**
     * The device mounted at a data node.
     *
     * @param mountPath the data node in front of {@code yang-ext:mount}, in the gateway's own models (for the
     *                  controller, a {@code network/node} list entry)
     * @return the device, connected and with its schema resolved
     * @throws MountException when nothing is mounted there ({@code data-missing}: 404), or the device is mounted but
     *                        not usable now ({@code resource-denied} with a message saying why: 409, or 503 when
     *                        its error-type is {@code transport}, for a device that is not connected; or
     *                        {@code operation-failed}: 500). Its error-path, if any, is in the gateway's models;
     *                        without one the error names the mount point.
     */
    MountedDevice mountAt(YangInstanceIdentifier mountPath) throws MountException;
}

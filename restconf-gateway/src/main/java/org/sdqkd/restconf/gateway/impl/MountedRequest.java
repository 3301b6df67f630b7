package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.sdqkd.restconf.gateway.spi.MountException;
import org.sdqkd.restconf.gateway.spi.MountedDevice;

/**
 * A request that enters a mount: the device, the codecs of its models, where it is mounted, and how errors below it
 * are written.
 *
 * @param device     the device
 * @param codecs     the codecs of its models (shared with every device with the same context)
 * @param mountPoint the data node it is mounted at, in the gateway's models
 * @param paths      the mount point and device API paths of the request
 * @param errors     writes errors with their paths below the mount point
 * @param calls      bounds the calls to the device
 */
record MountedRequest(MountedDevice device, MountCodecs codecs, YangInstanceIdentifier mountPoint, MountPaths paths,
        ErrorWriter errors, MountCalls calls) {
    MountedRequest {
        requireNonNull(device);
        requireNonNull(codecs);
        requireNonNull(mountPoint);
        requireNonNull(paths);
        requireNonNull(errors);
        requireNonNull(calls);
    }

    /**
     * Calls the device, its refusal turned into the RESTCONF error to answer.
     *
     * @param what what the call does, for a timeout's message
     * @param call the call
     * @return its result
     * @throws RestconfException the device's error (paths in its models), or the timeout's
     */
    <T> T call(final String what, final MountCalls.Call<T> call) throws RestconfException {
        try {
            return calls.call(what, call);
        } catch (MountException e) {
            throw failure(e);
        }
    }

    /**
     * The RESTCONF failure of a device's error (RFC 8040 section 7): its type, tag, app-tag, message and path; the
     * status of its tag, except that {@code data-missing} answers 404 (as for the gateway's own data: the resource is
     * not there) and an error of type {@code transport} (the device cannot be reached) 503.
     *
     * @param refusal the device's error
     * @return the failure
     */
    static RestconfException failure(final MountException refusal) {
        final int status = refusal.type() == ErrorType.TRANSPORT ? 503
            : refusal.tag().equals(ErrorTag.DATA_MISSING) ? 404 : ErrorStatus.of(refusal.tag());
        return new RestconfException(status, new RestconfError(refusal.type(), refusal.tag(), refusal.appTag(),
            refusal.errorPath(), refusal.getMessage()));
    }

    /** The API path of a device node as a URL below {@code {+restconf}/data}, through the mount. */
    String location(final String dataUri, final YangInstanceIdentifier devicePath) {
        return dataUri + "/" + paths.mountPath() + "/" + MountPaths.SEGMENT + "/"
            + codecs.formatter().format(devicePath);
    }
}

package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * Splits an API path at OpenDaylight's {@code yang-ext:mount} segment: the part before it names a data node of the
 * gateway's own models where a device is mounted (normally a list entry such as {@code sdqkd-network:network/node=N1});
 * the part after it is an API path in the device's models (RFC 8040 section 3.5.3 rules: its first segment is
 * module-qualified), empty for the device's whole data.
 *
 * @param mountPath  the API path of the mount point, still percent-encoded, never empty
 * @param devicePath the API path below the mount, still percent-encoded; empty for the device's datastore root
 */
record MountPaths(String mountPath, String devicePath) {
    /** The path segment that enters a mount (OpenDaylight's {@code yang-ext} module, its {@code mount} node). */
    static final String SEGMENT = "yang-ext:mount";
    /** The namespace of OpenDaylight's {@code yang-ext} module, bound to the {@code yang-ext} prefix in XML paths. */
    static final String NAMESPACE = "urn:opendaylight:yang:extension:yang-ext";

    MountPaths {
        requireNonNull(mountPath);
        requireNonNull(devicePath);
    }

    /**
     * Splits a path at its first {@code yang-ext:mount} segment.
     *
     * @param apiPath the path below {@code {+restconf}/data}, still percent-encoded, without leading {@code /}
     * @return the two parts, empty when the path enters no mount
     * @throws RestconfException 400 when {@code yang-ext:mount} does not follow a data node, or a second mount is
     *                           entered below the first
     */
    static Optional<MountPaths> split(final String apiPath) throws RestconfException {
        if (apiPath.indexOf("mount") < 0) {
            return Optional.empty();
        }
        final String[] segments = apiPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (isMount(segments[i])) {
                if (i == 0) {
                    throw invalid(SEGMENT + " follows the data node a device is mounted at, as "
                        + "module:list=key/" + SEGMENT);
                }
                final String mountPath = String.join("/", Arrays.copyOfRange(segments, 0, i));
                final String devicePath = String.join("/", Arrays.copyOfRange(segments, i + 1,
                    segments.length));
                for (int j = i + 1; j < segments.length; j++) {
                    if (isMount(segments[j])) {
                        throw invalid("a mount inside a mounted device is not supported");
                    }
                }
                if (segments.length == i + 2 && segments[i + 1].isEmpty()) {
                    throw invalid("an API path does not end in '/'");
                }
                return Optional.of(new MountPaths(mountPath, devicePath));
            }
        }
        return Optional.empty();
    }

    private static boolean isMount(final String segment) {
        return SEGMENT.equals(segment) || segment.indexOf('%') >= 0
            && SEGMENT.equals(URLDecoder.decode(segment, StandardCharsets.UTF_8));
    }

    private static RestconfException invalid(final String message) {
        return RestconfException.of(RestconfError.of(ErrorTag.INVALID_VALUE, message));
    }
}

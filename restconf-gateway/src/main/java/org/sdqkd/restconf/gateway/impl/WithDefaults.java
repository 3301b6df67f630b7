package org.sdqkd.restconf.gateway.impl;

import java.util.Arrays;
import java.util.Optional;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * The modes of the {@code with-defaults} query parameter (RFC 8040 section 4.8.9, RFC 6243 section 3). The datastore
 * keeps what clients wrote and fills in no default ({@code basic-mode=explicit}), so a leaf present in it was set by a
 * client, to its default value or not, and an absent leaf with a default is "in use with its default value".
 */
enum WithDefaults {
    /** Every leaf with a default is reported, the absent ones with their default value. */
    REPORT_ALL("report-all"),
    /** Leaves whose value is their default are left out, set by a client or not. */
    TRIM("trim"),
    /** What clients set is reported, whatever its value: the datastore as it is (the basic mode). */
    EXPLICIT("explicit"),
    /**
     * As report-all, with every leaf that has its default value, and every leaf-list entry reported from its
     * defaults, tagged with the {@code default} annotation: the XML attribute {@code wd:default="true"} (RFC 6243
     * section 6), in JSON the RFC 7952 metadata {@code ietf-netconf-with-defaults:default} (RFC 8040 section 4.8.9).
     */
    REPORT_ALL_TAGGED("report-all-tagged");

    private final String value;

    WithDefaults(final String value) {
        this.value = value;
    }

    /** The parameter value naming this mode. */
    String value() {
        return value;
    }

    /**
     * The mode a parameter value names.
     *
     * @param value the value
     * @return the mode
     * @throws RestconfException 400 invalid-value for another value
     */
    static WithDefaults of(final String value) throws RestconfException {
        final Optional<WithDefaults> mode = Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
        if (mode.isEmpty()) {
            throw new RestconfException(400, RestconfError.of(ErrorTag.INVALID_VALUE, "with-defaults=" + value
                + " is not a mode; use report-all, report-all-tagged, trim or explicit"));
        }
        return mode.orElseThrow();
    }
}

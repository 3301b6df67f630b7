package org.sdqkd.restconf.gateway.impl;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.ErrorTag;

/**
 * The NMDA datastore resources {@code {+restconf}/ds/<datastore>} (RFC 8527 section 3.1), mapped onto the data
 * resources: {@code ietf-datastores:running} is {@code {+restconf}/data} (read and written alike);
 * {@code ietf-datastores:operational} answers what GET of {@code {+restconf}/data} answers, configuration in use and
 * state together, and is read-only. The datastore keeps no intended configuration apart from running (it has no
 * templates and no inactive configuration), and candidate and startup are NETCONF's, not listed in the YANG library:
 * those identities answer 404; a name that is no datastore identity answers 400.
 */
final class NmdaDatastores {
    /** The datastore resources' prefix. */
    static final String DS = "/restconf/ds/";
    private static final String RUNNING = "ietf-datastores:running";
    private static final String OPERATIONAL = "ietf-datastores:operational";
    private static final Set<String> NOT_SERVED = Set.of("ietf-datastores:intended", "ietf-datastores:candidate",
        "ietf-datastores:startup");

    private NmdaDatastores() {
        // no instances
    }

    /**
     * Whether a request path names the operational datastore, which is read-only.
     *
     * @param path the request path, starting with {@link #DS}
     * @return whether it is under {@code {+restconf}/ds/ietf-datastores:operational}
     */
    static boolean isOperational(final String path) {
        final String rest = path.substring(DS.length());
        final int slash = rest.indexOf('/');
        return OPERATIONAL.equals(URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash),
            StandardCharsets.UTF_8));
    }

    /**
     * The data resource path a datastore resource path stands for.
     *
     * @param path   the request path, starting with {@link #DS}
     * @param method the request's method
     * @return the same resource under {@code /restconf/data}
     * @throws RestconfException 405 for an edit of operational, 404 for a datastore not served, 400 for a name that is
     *                           no datastore
     */
    static String dataPath(final String path, final String method) throws RestconfException {
        final String rest = path.substring(DS.length());
        final int slash = rest.indexOf('/');
        final String datastore = URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash),
            StandardCharsets.UTF_8);
        final String below = slash < 0 ? "" : rest.substring(slash);
        if (OPERATIONAL.equals(datastore) && !Set.of("GET", "HEAD", "OPTIONS").contains(method)) {
            throw new RestconfException(405, RestconfError.of(ErrorTag.OPERATION_NOT_SUPPORTED,
                "the operational datastore is read-only (RFC 8342 section 5.3); edit ietf-datastores:running"));
        }
        if (RUNNING.equals(datastore) || OPERATIONAL.equals(datastore)) {
            return "/restconf/data" + below;
        }
        if (NOT_SERVED.contains(datastore)) {
            throw new RestconfException(404, RestconfError.of(ErrorTag.INVALID_VALUE, "this server does not serve "
                + "the datastore " + datastore + " over RESTCONF; the YANG library lists the datastores it serves"));
        }
        throw new RestconfException(400, RestconfError.of(ErrorTag.INVALID_VALUE, "'" + datastore
            + "' is not a datastore; datastores are named by their identity, such as " + RUNNING));
    }
}

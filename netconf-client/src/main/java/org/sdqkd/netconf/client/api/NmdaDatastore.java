package org.sdqkd.netconf.client.api;

/**
 * The datastores of the Network Management Datastore Architecture (RFC 8342 section 5), identities of
 * {@code ietf-datastores}, for {@code get-data} and {@code edit-data} (RFC 8526).
 */
public enum NmdaDatastore {
    /** {@code ds:running}. */
    RUNNING("running"),
    /** {@code ds:candidate}. */
    CANDIDATE("candidate"),
    /** {@code ds:startup}. */
    STARTUP("startup"),
    /** {@code ds:intended}: running after removal of inactive nodes and template expansion. */
    INTENDED("intended"),
    /** {@code ds:operational}: the state in use, configuration and state data. */
    OPERATIONAL("operational");

    /** The namespace of module {@code ietf-datastores}. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:yang:ietf-datastores";

    private final String identity;

    NmdaDatastore(final String identity) {
        this.identity = identity;
    }

    /**
     * The name of the identity in {@code ietf-datastores}.
     *
     * @return such as {@code operational}
     */
    public String identity() {
        return identity;
    }
}

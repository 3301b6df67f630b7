package org.sdqkd.netconf.client.api;

/** The configuration datastores of RFC 6241 section 5.1, as the source or target of an operation. */
public enum Datastore {
    /** {@code <running/>}: the configuration in effect. */
    RUNNING("running"),
    /** {@code <candidate/>}: the scratch configuration of {@code :candidate} (RFC 6241 section 8.3). */
    CANDIDATE("candidate"),
    /** {@code <startup/>}: the configuration loaded at boot, of {@code :startup} (RFC 6241 section 8.7). */
    STARTUP("startup");

    private final String elementName;

    Datastore(final String elementName) {
        this.elementName = elementName;
    }

    /**
     * The name of the element that names this datastore in a request.
     *
     * @return {@code running}, {@code candidate} or {@code startup}
     */
    public String elementName() {
        return elementName;
    }
}

package org.sdqkd.datastore.api;

/**
 * The datastores of one agent: the configuration datastores of RFC 6241 (running, candidate, startup) and
 * the operational state of RFC 8342 section 5.3.
 */
public enum DatastoreName {
    /** The configuration the agent runs on (RFC 6241 section 5.1); kept across restarts. */
    RUNNING("running"),
    /** The shared working copy of the configuration (RFC 6241 section 8.3); committed into running. */
    CANDIDATE("candidate"),
    /** The configuration loaded at boot (RFC 6241 section 8.7); kept across restarts. */
    STARTUP("startup"),
    /** Configuration in use plus state data (RFC 8342 section 5.3); never persisted nor locked. */
    OPERATIONAL("operational");

    private final String yangName;

    DatastoreName(final String yangName) {
        this.yangName = yangName;
    }

    /** The name as NETCONF and NMDA write it, such as {@code running}. */
    public String yangName() {
        return yangName;
    }

    /** Whether the datastore holds configuration only, validated against the models' constraints. */
    public boolean isConfiguration() {
        return this != OPERATIONAL;
    }

    /** Whether the datastore's content survives a restart. */
    public boolean isPersistent() {
        return this == RUNNING || this == STARTUP;
    }
}

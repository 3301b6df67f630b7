package org.sdqkd.testsupport.peers;

/**
 * The datastore that {@code edit-config} writes to on a netconfd peer (its {@code --target} option): the
 * candidate, committed to running with {@code <commit>} (RFC 6241 section 8.3), or running directly (section 8.2).
 */
public enum NetconfTarget {
    /** {@code --target=candidate}: the {@code :candidate} capability, running is not writable. */
    CANDIDATE("candidate"),
    /** {@code --target=running}: the {@code :writable-running} capability, no candidate. */
    RUNNING("running");

    private final String option;

    NetconfTarget(final String option) {
        this.option = option;
    }

    /**
     * Returns the value of netconfd's {@code --target} option.
     *
     * @return {@code candidate} or {@code running}
     */
    public String option() {
        return option;
    }
}

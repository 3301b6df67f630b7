package org.sdqkd.nacm.api;

/** The access operations of RFC 8341 section 3.2.2 ({@code access-operations-type}). */
public enum AccessOperation {
    /** Adding a data node that does not exist yet. */
    CREATE,
    /** Reading a data node or receiving a notification. */
    READ,
    /** Changing the value of an existing data node. */
    UPDATE,
    /** Removing a data node. */
    DELETE,
    /** Running a protocol operation. */
    EXEC
}

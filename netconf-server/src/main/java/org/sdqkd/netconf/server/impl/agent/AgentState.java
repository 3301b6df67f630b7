package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The agent's own state data as it is now, for get and get-data of the operational datastore:
 * {@code /netconf-state} (RFC 6022) from the capabilities, the held locks, the started sessions and the statistics,
 * and the YANG library ({@code /yang-library}, {@code /modules-state}).
 */
final class AgentState {
    private final StateData state;
    private final List<URI> capabilities;
    private final HeldLocks locks;
    private final SessionRegistry sessions;
    private final Statistics statistics;

    AgentState(final StateData state, final List<URI> capabilities, final HeldLocks locks,
            final SessionRegistry sessions, final Statistics statistics) {
        this.state = requireNonNull(state);
        this.capabilities = List.copyOf(capabilities);
        this.locks = requireNonNull(locks);
        this.sessions = requireNonNull(sessions);
        this.statistics = requireNonNull(statistics);
    }

    /** {@code /netconf-state}, {@code /yang-library} and {@code /modules-state}, built now. */
    List<Element> elements() {
        return List.of(state.netconfState(capabilities, locks.held(), sessions.started(), statistics),
            state.yangLibrary(), state.modulesState());
    }
}

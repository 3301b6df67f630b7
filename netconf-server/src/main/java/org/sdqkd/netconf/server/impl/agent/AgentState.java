package org.sdqkd.netconf.server.impl.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The agent's own state data as it is now, for get and get-data of the operational datastore:
 * {@code /netconf-state} (RFC 6022) from the capabilities, the held locks, the started sessions and the statistics,
 * the YANG library ({@code /yang-library}, {@code /modules-state}) and the event streams ({@code /netconf/streams},
 * RFC 5277).
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

    /**
     * {@code /netconf-state}, {@code /yang-library}, {@code /modules-state} and, with nc-notifications in the
     * models, {@code /netconf/streams}, built now.
     */
    List<Element> elements() {
        final List<Element> elements = new ArrayList<>(List.of(
            state.netconfState(capabilities, locks.held(), sessions.started(), statistics),
            state.yangLibrary(), state.modulesState()));
        state.eventStreams().ifPresent(elements::add);
        return List.copyOf(elements);
    }
}

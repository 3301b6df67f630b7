package org.sdqkd.netconf.server.impl.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opendaylight.yangtools.binding.meta.YangModuleInfo;
import org.opendaylight.yangtools.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yangtools.yang.common.Revision;

/**
 * The YANG text of every module the agent serves, for get-schema (RFC 6022 section 3.1): read from the generated
 * bindings on the class path, the same sources the models were built from.
 */
final class ModuleSources {
    private record Key(String name, String revision) {
    }

    private final Map<Key, YangModuleInfo> sources = new HashMap<>();
    private final Map<String, String> latest = new HashMap<>();

    private ModuleSources() {
    }

    /** The sources of the class path's bindings and everything they import. */
    static ModuleSources fromClassPath() {
        final ModuleSources result = new ModuleSources();
        final Deque<YangModuleInfo> pending = new ArrayDeque<>(BindingRuntimeHelpers.loadModuleInfos());
        final Set<YangModuleInfo> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            final YangModuleInfo info = pending.pop();
            if (seen.add(info)) {
                result.add(info);
                pending.addAll(info.getImportedModules());
            }
        }
        return result;
    }

    private void add(final YangModuleInfo info) {
        final String name = info.getName().getLocalName();
        final String revision = info.getName().getRevision().map(Revision::toString).orElse("");
        sources.put(new Key(name, revision), info);
        latest.merge(name, revision, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    /**
     * The text of a module or submodule.
     *
     * @param name     its name
     * @param revision its revision, or empty for the latest
     * @return the YANG text, or empty when the agent has no such source
     */
    Optional<String> text(final String name, final Optional<String> revision) {
        final String wanted = revision.filter(r -> !r.isEmpty()).orElse(latest.get(name));
        final YangModuleInfo info = wanted == null ? null : sources.get(new Key(name, wanted));
        if (info == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(info.getYangTextCharSource().read());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the YANG source of " + name, e);
        }
    }

    /** Whether the agent has the source of a module at a revision ({@code ""} for none). */
    boolean has(final String name, final String revision) {
        return sources.containsKey(new Key(name, revision));
    }
}

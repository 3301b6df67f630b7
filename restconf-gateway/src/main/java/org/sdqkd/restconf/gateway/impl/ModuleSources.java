package org.sdqkd.restconf.gateway.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collection;
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
 * The YANG text of every module whose bindings are on the class path (and of everything they import): what the
 * models were built from, served by the YANG library's {@code location} URLs (RFC 8525 section 3, RFC 8040 section
 * 3.7) and used to add the gateway's own modules to models that lack them.
 */
final class ModuleSources {
    private record Key(String name, String revision) {
    }

    private final Map<Key, YangModuleInfo> sources = new HashMap<>();

    private ModuleSources() {
    }

    /** The sources of the class path's bindings and everything they import. */
    static ModuleSources fromClassPath() {
        return of(BindingRuntimeHelpers.loadModuleInfos());
    }

    /**
     * The sources of some bindings and everything they import.
     *
     * @param infos the bindings' module infos
     * @return their sources
     */
    static ModuleSources of(final Collection<? extends YangModuleInfo> infos) {
        final ModuleSources result = new ModuleSources();
        final Deque<YangModuleInfo> pending = new ArrayDeque<>(infos);
        final Set<YangModuleInfo> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            final YangModuleInfo info = pending.pop();
            if (seen.add(info)) {
                result.sources.put(new Key(info.getName().getLocalName(),
                    info.getName().getRevision().map(Revision::toString).orElse("")), info);
                pending.addAll(info.getImportedModules());
            }
        }
        return result;
    }

    /**
     * The binding module info of a module.
     *
     * @param name     its name
     * @param revision its revision, {@code ""} for none
     * @return the info, empty when no binding on the class path has that module
     */
    Optional<YangModuleInfo> info(final String name, final String revision) {
        return Optional.ofNullable(sources.get(new Key(name, revision)));
    }

    /**
     * The YANG text of a module.
     *
     * @param name     its name
     * @param revision its revision, {@code ""} for none
     * @return the text, empty when there is no such source
     */
    Optional<String> text(final String name, final String revision) {
        return info(name, revision).map(info -> {
            try {
                return info.getYangTextCharSource().read();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the YANG source of " + name, e);
            }
        });
    }
}
